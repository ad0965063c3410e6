"""Tracking settings."""

from dataclasses import dataclass
from typing import Any

from ..config import BOOLEAN, ConfigField, Settings, carrier_code, identifier, integer


def proxy_networks(raw: Any) -> str | None:
    """IP addresses or CIDR ranges, as the guest throttle reads them, or nothing."""
    from ..graphql.guest_throttle import parse_networks

    try:
        parse_networks("" if raw is None else str(raw))
    except ValueError as error:
        return f"{error}; enter addresses or CIDR ranges such as 10.0.0.0/8, 192.168.1.10"
    return None


FIELDS = [
    ConfigField(
        name="default_carrier",
        default="",
        label="Default carrier",
        help_text=(
            "Carrier code or name used when neither the tracking number's format nor the "
            "fulfillment's metadata names one, e.g. 'yurtici' or 'Aras Kargo'."
        ),
        validator=carrier_code(),
    ),
    ConfigField(
        name="carrier_metadata_key",
        default="carrier",
        label="Fulfillment metadata key naming the carrier",
        help_text="Staff or apps can set this key on a fulfillment's metadata to pick its carrier.",
        validator=identifier,
    ),
    ConfigField(
        name="mirror_to_order_metadata",
        default=True,
        type=BOOLEAN,
        label="Mirror tracking summary into order metadata",
        help_text=(
            "Write status, carrier, tracking URL and estimated delivery into the order's "
            "public metadata so storefronts can read them through Saleor's own API."
        ),
    ),
    ConfigField(
        name="guest_lookup_limit",
        default=10,
        label="Guest look-ups allowed per client",
        help_text="Failed order-number-and-email look-ups one client may make per window.",
        validator=integer(1, 10_000),
    ),
    ConfigField(
        name="guest_lookup_window_minutes",
        default=15,
        label="Guest look-up window (minutes)",
        help_text="Length of the window in which failed guest look-ups are counted.",
        validator=integer(1, 1440),
    ),
    ConfigField(
        name="guest_order_attempt_limit",
        default=5,
        label="Guest look-ups allowed per order number",
        help_text=(
            "Failed look-ups of one order number (from any client) per window; stops "
            "guessing an order's email from many addresses."
        ),
    ),
    ConfigField(
        name="trusted_proxies",
        default="",
        label="Trusted proxies",
        help_text=(
            "Addresses or CIDR ranges of your load balancers, separated by commas. Only "
            "requests from them may name the client in X-Forwarded-For; empty means none."
        ),
        validator=proxy_networks,
    ),
]


@dataclass(frozen=True)
class TrackingSettings:
    """How a fulfillment's parcel is found and shown: its carrier when the number does not
    tell, and whether the order's metadata mirrors the tracking."""

    default_carrier: str
    # Key of the fulfillment metadata in which staff may name the carrier.
    carrier_metadata_key: str
    mirror_to_order_metadata: bool


def tracking_settings(settings: Settings) -> TrackingSettings:
    """The merchant's tracking settings (use as `settings.typed(tracking_settings)`)."""
    return TrackingSettings(
        default_carrier=settings.text("default_carrier").strip(),
        carrier_metadata_key=settings.text("carrier_metadata_key").strip(),
        mirror_to_order_metadata=settings.flag("mirror_to_order_metadata"),
    )
