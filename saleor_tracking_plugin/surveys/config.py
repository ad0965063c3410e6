"""Survey, complaint and coupon settings, and their typed view."""

from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from ..config import BOOLEAN, ConfigField, Settings, clock, integer, one_of, pattern
from ..notifications.quiet_hours import parse_clock

# Amounts are read with Decimal (see coupons.coupon_terms): a dot, never a comma.
_AMOUNT = r"\d+(\.\d{1,2})?"

FIELDS = [
    ConfigField(
        name="survey_enabled",
        default=True,
        type=BOOLEAN,
        label="Ask for a rating after delivery",
        help_text="Send each order one satisfaction survey once it is delivered.",
    ),
    ConfigField(
        name="survey_delay_hours",
        default=24,
        label="Survey delay after delivery (hours)",
        help_text="Hours after the last parcel's delivery scan before the survey is sent.",
        validator=integer(0, 720),
    ),
    ConfigField(
        name="survey_fallback_days",
        default=7,
        label="Survey delay without delivery scans (days)",
        help_text="For orders whose parcels are not tracked: days after the last fulfillment.",
        validator=integer(1, 90),
    ),
    ConfigField(
        name="survey_window_days",
        default=30,
        label="Latest survey (days after it was due)",
        help_text="A survey held back longer than this (open return, complaint, delay) is dropped.",
        validator=integer(1, 365),
    ),
    ConfigField(
        name="survey_edit_days",
        default=7,
        label="Rating can be changed for (days)",
        help_text="Days after the first answer during which the customer may change it.",
        validator=integer(0, 90),
    ),
    ConfigField(
        name="complaint_max_score",
        default=2,
        label="Complaint at or below score",
        help_text="A rating at or below this score (1-5) opens a complaint for staff.",
        validator=integer(1, 5),
    ),
    ConfigField(
        name="complaint_response_hours",
        default=4,
        label="Complaint response time (business hours)",
        help_text=(
            "Staff answer a complaint within this many business hours (shop time zone, "
            "Monday to Friday, Turkish public holidays excluded)."
        ),
        validator=integer(1, 240),
    ),
    ConfigField(
        name="business_hours_start",
        default="09:00",
        label="Business hours start",
        help_text="Shop time (HH:MM) when complaint response time starts counting each day.",
        validator=clock,
    ),
    ConfigField(
        name="business_hours_end",
        default="18:00",
        label="Business hours end",
        help_text="Shop time (HH:MM) when complaint response time stops counting each day.",
        validator=clock,
    ),
    ConfigField(
        name="complaint_warning_hours",
        default=1,
        label="Complaint about to breach (hours before)",
        help_text="A complaint unanswered this close to its deadline is flagged to staff.",
        validator=integer(0, 48),
    ),
    ConfigField(
        name="complaint_staff_email",
        default="",
        label="Complaint alerts to",
        help_text="Email told about complaints near or past their deadline with no assignee.",
        validator=pattern(
            r"[^@\s]+@[^@\s]+\.[^@\s]+", "enter an email address such as support@example.com"
        ),
    ),
    ConfigField(
        name="coupon_enabled",
        default=False,
        type=BOOLEAN,
        label="Thank good ratings with a coupon",
        help_text="Give a personal single-use voucher code for a good rating.",
    ),
    ConfigField(
        name="coupon_min_score",
        default=5,
        label="Coupon from score",
        help_text="Ratings at or above this score (1-5) get a coupon.",
        validator=integer(1, 5),
    ),
    ConfigField(
        name="coupon_discount_type",
        default="percentage",
        label="Coupon discount type",
        help_text="percentage or fixed (an amount in the channel's currency).",
        validator=one_of("percentage", "fixed"),
    ),
    ConfigField(
        name="coupon_value",
        default="10",
        label="Coupon value",
        help_text="Percent off, or the fixed amount off, e.g. 10 or 50.00.",
        validator=pattern(_AMOUNT, "enter the percent or amount off, e.g. 10 or 50.00"),
    ),
    ConfigField(
        name="coupon_min_spend",
        default="",
        label="Coupon minimum spend",
        help_text="Smallest basket (channel currency) the coupon applies to; empty: any.",
        validator=pattern(_AMOUNT, "enter an amount such as 1500 or 1500.50"),
    ),
    ConfigField(
        name="coupon_expiry_days",
        default=30,
        label="Coupon valid for (days)",
        help_text="Days from issue until the code expires; 0: it never expires.",
        validator=integer(0, 3650),
    ),
    ConfigField(
        name="coupon_channel",
        default="",
        label="Coupon channel",
        help_text="Slug of the channel the coupon is valid in; empty: the order's channel.",
        validator=pattern(r"[\w\-]+", "enter the channel's slug, e.g. default-channel"),
    ),
    ConfigField(
        name="coupon_cooldown_days",
        default=90,
        label="One coupon per customer every (days)",
        help_text="A customer gets at most one survey coupon within this many days.",
        validator=integer(0, 3650),
    ),
]


def cross_field_problems(settings: Settings) -> dict[str, str]:
    """Values fine alone but nonsense together, by the field to fix (fields whose own value
    is refused are not compared)."""
    problems = {}
    opens, closes = settings.text("business_hours_start"), settings.text("business_hours_end")
    if closes <= opens:
        problems["business_hours_end"] = (
            f"must be later than the business hours start ({opens}), e.g. 18:00"
        )
    coupon_enabled = settings.flag("coupon_enabled")
    complaint_max_score = settings.number("complaint_max_score")
    if coupon_enabled and settings.number("coupon_min_score") <= complaint_max_score:
        problems["coupon_min_score"] = (
            f"must be above the complaint score ({complaint_max_score}): a rating "
            "cannot both open a complaint and earn a coupon"
        )
    value = Decimal(settings.text("coupon_value"))
    if coupon_enabled and value <= 0:
        problems["coupon_value"] = "enter more than 0, e.g. 10 (a coupon of nothing is not given)"
    elif settings.text("coupon_discount_type") == "percentage" and value > 100:
        problems["coupon_value"] = "a percentage coupon takes at most 100 (percent off)"
    return problems


@dataclass(frozen=True)
class SurveySettings:
    """The survey, complaint and coupon settings, typed and within their bounds."""

    enabled: bool
    delay_hours: int
    fallback_days: int
    window_days: int
    edit_days: int
    complaint_max_score: int
    complaint_response_hours: int
    complaint_warning_hours: int
    complaint_staff_email: str
    # The staff's working day, for complaint answer times; 09:00-18:00 when unreadable.
    business_opens: time
    business_closes: time
    coupon_enabled: bool
    coupon_min_score: int
    coupon_percentage: bool
    # As typed by the merchant: read with Decimal where a coupon is made (coupons.py).
    coupon_value: str
    coupon_min_spend: str
    coupon_expiry_days: int
    coupon_channel: str
    coupon_cooldown_days: int


def survey_settings(settings: Settings) -> SurveySettings:
    """The merchant's survey settings (use as `settings.typed(survey_settings)`)."""
    opens = parse_clock(settings.text("business_hours_start")) or time(9)
    closes = parse_clock(settings.text("business_hours_end")) or time(18)
    if closes <= opens:
        opens, closes = time(9), time(18)
    return SurveySettings(
        enabled=settings.flag("survey_enabled"),
        delay_hours=settings.number("survey_delay_hours"),
        fallback_days=settings.number("survey_fallback_days"),
        window_days=settings.number("survey_window_days"),
        edit_days=max(0, settings.number("survey_edit_days")),
        complaint_max_score=settings.number("complaint_max_score"),
        complaint_response_hours=max(0, settings.number("complaint_response_hours")),
        complaint_warning_hours=max(0, settings.number("complaint_warning_hours")),
        complaint_staff_email=settings.text("complaint_staff_email"),
        business_opens=opens,
        business_closes=closes,
        coupon_enabled=settings.flag("coupon_enabled"),
        coupon_min_score=settings.number("coupon_min_score"),
        coupon_percentage=settings.text("coupon_discount_type").strip().lower() != "fixed",
        coupon_value=settings.text("coupon_value").strip(),
        coupon_min_spend=settings.text("coupon_min_spend").strip(),
        coupon_expiry_days=settings.number("coupon_expiry_days"),
        coupon_channel=settings.text("coupon_channel"),
        coupon_cooldown_days=max(0, settings.number("coupon_cooldown_days")),
    )
