"""Tracking settings."""

from ..config import BOOLEAN, ConfigField, carrier_code, identifier, integer

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
]
