"""What Saleor's order actions expect around them: the plugin manager and the site settings."""

from typing import TYPE_CHECKING

from django.contrib.sites.models import Site
from saleor.plugins.manager import get_plugins_manager

if TYPE_CHECKING:
    from saleor.plugins.manager import PluginsManager
    from saleor.site.models import SiteSettings


def plugins_manager() -> "PluginsManager":
    """Saleor's plugins manager, reading from the primary database (we write right after)."""
    return get_plugins_manager(allow_replica=False)


def site_settings() -> "SiteSettings":
    """The shop's Saleor site settings."""
    return Site.objects.get_current().settings  # type: ignore[attr-defined]
