"""Who the shop is, as shoppers should see it on pages and in messages: the order's channel
(the plugin's per-channel overrides and the channel's name), Saleor's site settings (name,
sender address, company phone) and the plugin's logo setting; and where the shop's Saleor
is reached from outside."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings as django_settings
from saleor.core.utils import build_absolute_uri

from ..config import Settings
from ..shop_settings import shop_settings
from .context import site_settings


@dataclass(frozen=True)
class ShopIdentity:
    """The shop's name and ways to reach it; empty strings for what Saleor does not know."""

    name: str
    email: str
    phone: str
    logo_url: str = ""


def shop_identity(settings: Settings, order: Any | None = None) -> ShopIdentity:
    """The shop as the shopper of `order` knows it (see `channel_shop_identity`)."""
    return channel_shop_identity(settings, order.channel if order is not None else None)


def channel_shop_identity(settings: Settings, channel: Any | None) -> ShopIdentity:
    """The shop as the shoppers of a Saleor `channel` know it.

    Each part comes from the order channel's line of `shop_identity_by_channel` when there is
    one, else from Saleor's site settings (Configuration → Site settings: mail sender name,
    else company name; sender address; company phone), the name then from the channel's own
    name, then the site's name; the logo else from `shop_logo_url`. Without an order (e.g. the
    unsubscribe page), site settings only.
    """
    shop = settings.typed(shop_settings)
    own = shop.identities_by_channel.get(channel.slug, {}) if channel else {}
    site_config = site_settings()
    address = site_config.company_address
    company = getattr(address, "company_name", "") if address else ""
    return ShopIdentity(
        name=(
            own.get("name")
            or site_config.default_mail_sender_name
            or company
            or (channel.name if channel else "")
            or site_config.site.name
            or ""
        ),
        email=(
            own.get("email")
            or site_config.default_mail_sender_address
            or getattr(django_settings, "DEFAULT_FROM_EMAIL", "")
            or ""
        ),
        phone=own.get("phone") or (str(address.phone) if address and address.phone else ""),
        logo_url=own.get("logo") or shop.logo_url,
    )


def absolute_url(location: str) -> str:
    """`location` (a path) as an address on this Saleor: its PUBLIC_URL, else the current
    site's domain, as Saleor builds its own links."""
    return build_absolute_uri(location)


def sales_channels() -> list[Any]:
    """Saleor's channels (slug, name, is_active), by slug."""
    from saleor.channel.models import Channel

    return list(Channel.objects.order_by("slug"))
