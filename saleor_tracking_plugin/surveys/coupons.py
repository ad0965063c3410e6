"""A personal coupon for a good rating: a single-use Saleor voucher code, at most one per
customer within `coupon_cooldown_days`."""

import logging
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from ..config import Settings
from ..notifications.facts import customer_email
from ..saleor_glue.orders import add_timeline_event
from ..saleor_glue.vouchers import (
    CouponNotPossible,
    CouponTerms,
    channel_slug_of_order,
    create_single_use_voucher,
)
from .config import survey_settings
from .models import Survey, SurveyCoupon

logger = logging.getLogger(__name__)


def coupon_terms(settings: Settings, order, now: datetime) -> CouponTerms | None:
    """The merchant's coupon from the settings; None when coupons are off or misconfigured."""
    config = settings.typed(survey_settings)
    if not config.coupon_enabled:
        return None
    try:
        value = Decimal(config.coupon_value)
        min_spend = Decimal(config.coupon_min_spend) if config.coupon_min_spend else None
    except InvalidOperation:
        logger.warning("Coupon value or minimum spend is not a number; no coupon given")
        return None
    percentage = config.coupon_percentage
    if value <= 0 or (percentage and value > 100):
        return None
    days = config.coupon_expiry_days
    return CouponTerms(
        percentage=percentage,
        value=value,
        min_spend=min_spend,
        ends_at=now + timedelta(days=days) if days > 0 else None,
        channel_slug=config.coupon_channel or channel_slug_of_order(order),
    )


def issue_for(survey: Survey, now: datetime, settings: Settings) -> SurveyCoupon | None:
    """The survey's coupon, created now if it has none and the customer is not in cooldown.

    Runs inside the answer's transaction: the voucher and the record commit together.
    """
    if SurveyCoupon.objects.filter(survey=survey).exists():
        return None
    order = survey.order
    email = customer_email(order).casefold()
    terms = coupon_terms(settings, order, now)
    if terms is None or not email:
        return None
    cooldown_start = now - timedelta(days=settings.typed(survey_settings).coupon_cooldown_days)
    if SurveyCoupon.objects.filter(customer_email=email, issued_at__gt=cooldown_start).exists():
        return None
    try:
        voucher, code = create_single_use_voucher(f"Thank you, order {order.number}", terms)
    except CouponNotPossible as error:
        logger.warning("No coupon for order %s: %s", order.pk, error)
        return None
    coupon = SurveyCoupon.objects.create(
        survey=survey,
        customer_email=email,
        voucher=voucher,
        code=code,
        issued_at=now,
        expires_at=terms.ends_at,
    )
    add_timeline_event(
        order, f"Thank-you coupon {code} given for the rating", {"voucher_id": voucher.pk}
    )
    return coupon
