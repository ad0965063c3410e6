from django.conf import settings
from saleor import settings as saleor_settings
from saleor.plugins.manager import get_plugins_manager

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.plugin import TrackingPlugin


def test_saleor_discovers_the_plugin_through_its_entry_point():
    # Saleor's own settings module, not the per-test override, lists what it discovered.
    assert "saleor_tracking_plugin.plugin.TrackingPlugin" in saleor_settings.EXTERNAL_PLUGINS
    assert "saleor_tracking_plugin" in settings.INSTALLED_APPS


def test_the_plugin_is_active_with_its_defaults_once_installed():
    plugin = get_plugins_manager(allow_replica=False).get_plugin(PLUGIN_ID)
    assert isinstance(plugin, TrackingPlugin)
    assert plugin.active
    configured = {item["name"]: item["value"] for item in plugin.configuration}
    assert configured["carrier_metadata_key"] == "carrier"
    assert configured["mirror_to_order_metadata"] is True
