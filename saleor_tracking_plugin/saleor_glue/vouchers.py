"""Personal coupons as Saleor vouchers, created like staff do with `voucherCreate`:
an entire-order voucher with one single-use code, listed in one channel."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from saleor.channel.models import Channel
from saleor.core.utils.promo_code import generate_promo_code
from saleor.discount import DiscountValueType, VoucherType
from saleor.discount.models import Voucher, VoucherChannelListing, VoucherCode

from .context import plugins_manager


@dataclass(frozen=True)
class CouponTerms:
    """What the coupon gives: a percentage or a fixed amount, from a minimum spend."""

    percentage: bool
    value: Decimal
    min_spend: Decimal | None
    ends_at: datetime | None
    channel_slug: str


class CouponNotPossible(Exception):
    """The voucher cannot be created (e.g. the channel does not exist)."""


def channel_slug_of_order(order) -> str:
    """The slug of the channel the order was placed in."""
    return order.channel.slug


def create_single_use_voucher(name: str, terms: CouponTerms) -> tuple[Voucher, str]:
    """A new voucher with one code usable once; returns it and the code."""
    channel = Channel.objects.filter(slug=terms.channel_slug).first()
    if channel is None:
        raise CouponNotPossible(f"No channel {terms.channel_slug!r}.")
    voucher = Voucher.objects.create(
        name=name,
        type=VoucherType.ENTIRE_ORDER,
        discount_value_type=(
            DiscountValueType.PERCENTAGE if terms.percentage else DiscountValueType.FIXED
        ),
        usage_limit=1,
        single_use=True,
        end_date=terms.ends_at,
    )
    code = VoucherCode.objects.create(voucher=voucher, code=generate_promo_code())
    VoucherChannelListing.objects.create(
        voucher=voucher,
        channel=channel,
        discount_value=terms.value,
        currency=channel.currency_code,
        min_spent_amount=terms.min_spend,
    )
    manager = plugins_manager()
    manager.voucher_created(voucher, code.code)
    return voucher, code.code
