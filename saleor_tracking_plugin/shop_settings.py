"""The shop's own settings, typed: its time zone as entered, its logo, and the name and
contact of channels that sell under another identity."""

from dataclasses import dataclass, field

from .config import Settings
from .shop_channels import channel_identities


@dataclass(frozen=True)
class ShopSettings:
    """What the merchant set about the shop itself (the Shop group of the settings)."""

    # As entered; `Settings.local_zone` is the zone in use (Istanbul when this is none).
    time_zone_name: str
    logo_url: str
    # By channel slug: the name, email, phone or logo that channel shows instead.
    identities_by_channel: dict[str, dict[str, str]] = field(default_factory=dict)


def shop_settings(settings: Settings) -> ShopSettings:
    """The shop's settings (use as `settings.typed(shop_settings)`)."""
    return ShopSettings(
        time_zone_name=settings.text("local_timezone").strip(),
        logo_url=settings.text("shop_logo_url").strip(),
        identities_by_channel=channel_identities(settings.text("shop_identity_by_channel")),
    )
