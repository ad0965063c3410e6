"""The merchant's return policy and the rules derived from it (pure: no Django).

The policy is built from the plugin settings (`settings.typed(from_settings)`) and answers:
until when a line can be returned, how many items of it, why not, who pays the return
shipping, and whether a request is approved without waiting for staff.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from ..config import Settings
from .reasons import Resolution, ReturnReason

MERCHANT_PAYS_BY_DEFAULT = frozenset(
    {
        ReturnReason.DAMAGED,
        ReturnReason.DEFECTIVE,
        ReturnReason.WRONG_ITEM,
        ReturnReason.NOT_AS_DESCRIBED,
    }
)


class NotReturnable(StrEnum):
    """Why a line cannot be returned (also the error codes of refused requests)."""

    ORDER_CANCELLED = "ORDER_CANCELLED"
    NOT_FULFILLED = "NOT_FULFILLED"
    WINDOW_CLOSED = "WINDOW_CLOSED"
    NON_RETURNABLE_PRODUCT = "NON_RETURNABLE_PRODUCT"
    ALREADY_REQUESTED = "ALREADY_REQUESTED"


class ShippingPayer(StrEnum):
    MERCHANT = "merchant"
    CUSTOMER = "customer"


@dataclass(frozen=True)
class ReturnPolicy:
    """What the merchant accepts back, and on which terms."""

    window_days: int = 14
    non_returnable_products: frozenset[str] = frozenset()
    non_returnable_product_types: frozenset[str] = frozenset()
    reasons: tuple[ReturnReason, ...] = tuple(ReturnReason)
    merchant_pays_shipping_for: frozenset[ReturnReason] = MERCHANT_PAYS_BY_DEFAULT
    auto_approve: bool = True
    auto_approve_max_amount: Decimal | None = None
    resolutions: tuple[Resolution, ...] = tuple(Resolution)
    decision_hours: int = 24
    # A return parcel delivered back is taken as received, without staff checking it.
    receive_on_delivery: bool = False
    carrier_return_codes: dict[str, str] = field(default_factory=dict)
    return_carrier: str = ""
    return_address: str = ""

    def deadline(self, delivered_at: datetime | None, fulfilled_at: datetime) -> datetime:
        """End of the window: counted from delivery, or from fulfillment when not delivered."""
        return (delivered_at or fulfilled_at) + timedelta(days=self.window_days)

    def shipping_payer(self, reason: ReturnReason) -> ShippingPayer:
        """Who pays the return parcel for this reason."""
        if reason in self.merchant_pays_shipping_for:
            return ShippingPayer.MERCHANT
        return ShippingPayer.CUSTOMER

    def is_non_returnable(self, product_keys: set[str], product_type_keys: set[str]) -> bool:
        """Whether a product (by any of its slugs/IDs) or its type is excluded from returns."""
        return bool(
            product_keys & self.non_returnable_products
            or product_type_keys & self.non_returnable_product_types
        )

    def is_auto_approved(self, amount: Decimal) -> bool:
        """Requests inside the window are approved at once up to the configured amount."""
        if not self.auto_approve:
            return False
        return self.auto_approve_max_amount is None or amount <= self.auto_approve_max_amount


@dataclass(frozen=True)
class LineEligibility:
    """How much of one order line the customer may still return, and until when."""

    returnable_quantity: int
    deadline: datetime | None
    refusal: NotReturnable | None


def line_eligibility(
    policy: ReturnPolicy,
    *,
    now: datetime,
    order_cancelled: bool,
    fulfilled_quantity: int,
    in_open_returns: int,
    delivered_at: datetime | None,
    fulfilled_at: datetime | None,
    product_keys: set[str],
    product_type_keys: set[str],
) -> LineEligibility:
    """Returnable quantity = fulfilled minus items already in an open return, when allowed."""
    if order_cancelled:
        return LineEligibility(0, None, NotReturnable.ORDER_CANCELLED)
    if fulfilled_quantity <= 0 or fulfilled_at is None:
        return LineEligibility(0, None, NotReturnable.NOT_FULFILLED)
    deadline = policy.deadline(delivered_at, fulfilled_at)
    if policy.is_non_returnable(product_keys, product_type_keys):
        return LineEligibility(0, deadline, NotReturnable.NON_RETURNABLE_PRODUCT)
    if now > deadline:
        return LineEligibility(0, deadline, NotReturnable.WINDOW_CLOSED)
    remaining = fulfilled_quantity - in_open_returns
    if remaining <= 0:
        return LineEligibility(0, deadline, NotReturnable.ALREADY_REQUESTED)
    return LineEligibility(remaining, deadline, None)


def from_settings(settings: Settings) -> ReturnPolicy:
    """The policy as the merchant saved it in the plugin settings (use as
    `settings.typed(from_settings)`)."""
    return ReturnPolicy(
        window_days=max(0, settings.number("return_window_days")),
        non_returnable_products=frozenset(_words(settings.text("return_non_returnable_products"))),
        non_returnable_product_types=frozenset(
            _words(settings.text("return_non_returnable_product_types"))
        ),
        reasons=_enum_list(ReturnReason, settings.text("return_reasons")) or tuple(ReturnReason),
        merchant_pays_shipping_for=frozenset(
            _enum_list(ReturnReason, settings.text("return_merchant_pays_shipping_for"))
        ),
        auto_approve=settings.flag("return_auto_approve"),
        auto_approve_max_amount=_decimal(settings.text("return_auto_approve_max_amount")),
        resolutions=(
            _enum_list(Resolution, settings.text("return_resolutions")) or (Resolution.REFUND,)
        ),
        decision_hours=max(1, settings.number("return_decision_hours")),
        receive_on_delivery=settings.flag("return_receive_on_delivery"),
        carrier_return_codes=_pairs(settings.text("return_carrier_codes")),
        return_carrier=settings.text("return_carrier").strip(),
        return_address=settings.text("return_address").strip(),
    )


def _words(raw: str) -> list[str]:
    return [w.strip().lower() for w in raw.replace("\n", ",").split(",") if w.strip()]


def _enum_list(enum: type[StrEnum], raw: str) -> tuple:
    values = []
    for word in _words(raw):
        try:
            values.append(enum(word))
        except ValueError:
            continue
    return tuple(dict.fromkeys(values))


def _decimal(raw: str) -> Decimal | None:
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        return None
    return value if value >= 0 else None


def _pairs(raw: str) -> dict[str, str]:
    """`carrier=code` lines, e.g. "yurtici=123456"."""
    pairs = {}
    for line in raw.replace(",", "\n").splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() and value.strip():
            pairs[key.strip().lower()] = value.strip()
    return pairs
