"""Delay settings."""

from dataclasses import dataclass

from ..config import BOOLEAN, ConfigField, Settings, integer
from .rules import DelayPolicy

FIELDS = [
    ConfigField(
        name="delay_detection_enabled",
        default=True,
        type=BOOLEAN,
        label="Detect delayed orders",
        help_text="Look for late orders periodically and when carrier scans arrive.",
    ),
    ConfigField(
        name="delay_handling_business_days",
        default=2,
        label="Promised handling time (business days)",
        help_text=(
            "Business days (Monday to Friday, Turkish public holidays excluded) within which "
            "an order is handed to the carrier; later is a delay."
        ),
        validator=integer(0, 60),
    ),
    ConfigField(
        name="delay_no_scan_hours",
        default=72,
        label="Longest silence of a carrier (hours)",
        help_text="A parcel without a new carrier scan for longer than this is delayed.",
        validator=integer(1, 24 * 60),
    ),
    ConfigField(
        name="delay_wait_extra_business_days",
        default=3,
        label="New delivery date after a delay (business days)",
        help_text=(
            "A customer who waits is promised this many business days from today, unless "
            "the carrier's own estimate is still ahead."
        ),
        validator=integer(1, 60),
    ),
    ConfigField(
        name="delay_detection_window_days",
        default=60,
        label="Orders checked for delays (days back)",
        help_text="Only orders placed within this many days are checked.",
        validator=integer(1, 365),
    ),
]


@dataclass(frozen=True)
class DelaySettings:
    """The delay settings, typed: whether and how far back to look, and the promises."""

    enabled: bool
    window_days: int
    policy: DelayPolicy


def delay_settings(settings: Settings) -> DelaySettings:
    """The merchant's delay settings (use as `settings.typed(delay_settings)`)."""
    return DelaySettings(
        enabled=settings.flag("delay_detection_enabled"),
        window_days=max(1, settings.number("delay_detection_window_days")),
        policy=DelayPolicy(
            handling_business_days=max(0, settings.number("delay_handling_business_days")),
            no_scan_hours=max(1, settings.number("delay_no_scan_hours")),
            wait_extra_business_days=max(1, settings.number("delay_wait_extra_business_days")),
        ),
    )
