"""The return policy's pure rules: window, exclusions, quantities, shipping, auto-approval."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from saleor_tracking_plugin.config import Settings
from saleor_tracking_plugin.returns.policy import (
    NotReturnable,
    ReturnPolicy,
    ShippingPayer,
    from_settings,
    line_eligibility,
)
from saleor_tracking_plugin.returns.reasons import Resolution, ReturnReason

DELIVERED = datetime(2026, 11, 1, 12, tzinfo=UTC)
FULFILLED = datetime(2026, 10, 29, 9, tzinfo=UTC)


def eligibility(policy=None, **overrides):
    arguments = {
        "now": DELIVERED + timedelta(days=3),
        "order_cancelled": False,
        "fulfilled_quantity": 3,
        "in_open_returns": 0,
        "delivered_at": DELIVERED,
        "fulfilled_at": FULFILLED,
        "product_keys": {"t-shirt"},
        "product_type_keys": {"apparel"},
    }
    arguments.update(overrides)
    return line_eligibility(policy or ReturnPolicy(window_days=14), **arguments)


def test_the_window_counts_from_delivery():
    result = eligibility()
    assert result.deadline == DELIVERED + timedelta(days=14)
    assert result.returnable_quantity == 3
    assert result.refusal is None


def test_the_window_counts_from_fulfillment_when_no_delivery_is_known():
    result = eligibility(delivered_at=None)
    assert result.deadline == FULFILLED + timedelta(days=14)


def test_after_the_deadline_nothing_is_returnable():
    result = eligibility(now=DELIVERED + timedelta(days=14, seconds=1))
    assert result.returnable_quantity == 0
    assert result.refusal == NotReturnable.WINDOW_CLOSED


def test_items_already_in_an_open_return_are_not_returnable_twice():
    assert eligibility(in_open_returns=1).returnable_quantity == 2
    result = eligibility(in_open_returns=3)
    assert result.returnable_quantity == 0
    assert result.refusal == NotReturnable.ALREADY_REQUESTED


def test_unfulfilled_lines_cannot_be_returned():
    result = eligibility(fulfilled_quantity=0, fulfilled_at=None, delivered_at=None)
    assert result.refusal == NotReturnable.NOT_FULFILLED
    assert result.deadline is None


def test_a_cancelled_order_cannot_be_returned():
    assert eligibility(order_cancelled=True).refusal == NotReturnable.ORDER_CANCELLED


def test_non_returnable_products_and_product_types_are_refused():
    by_product = ReturnPolicy(non_returnable_products=frozenset({"t-shirt"}))
    by_type = ReturnPolicy(non_returnable_product_types=frozenset({"apparel"}))
    assert eligibility(by_product).refusal == NotReturnable.NON_RETURNABLE_PRODUCT
    assert eligibility(by_type).refusal == NotReturnable.NON_RETURNABLE_PRODUCT
    assert eligibility(ReturnPolicy(non_returnable_products=frozenset({"mug"}))).refusal is None


def test_the_shop_pays_shipping_for_its_own_faults_and_the_customer_otherwise():
    policy = ReturnPolicy()
    assert policy.shipping_payer(ReturnReason.DEFECTIVE) == ShippingPayer.MERCHANT
    assert policy.shipping_payer(ReturnReason.WRONG_ITEM) == ShippingPayer.MERCHANT
    assert policy.shipping_payer(ReturnReason.CHANGED_MIND) == ShippingPayer.CUSTOMER
    assert policy.shipping_payer(ReturnReason.SIZE) == ShippingPayer.CUSTOMER


def test_auto_approval_stops_at_the_configured_amount():
    policy = ReturnPolicy(auto_approve=True, auto_approve_max_amount=Decimal(100))
    assert policy.is_auto_approved(Decimal(100))
    assert not policy.is_auto_approved(Decimal("100.01"))
    assert ReturnPolicy(auto_approve=True).is_auto_approved(Decimal(10_000))
    assert not ReturnPolicy(auto_approve=False).is_auto_approved(Decimal(1))


def settings(**values):
    defaults = {
        "return_window_days": 30,
        "return_non_returnable_products": "Gift-Card, underwear-set",
        "return_non_returnable_product_types": "cosmetics\nfood",
        "return_reasons": "size, defective, nonsense, size",
        "return_merchant_pays_shipping_for": "defective",
        "return_auto_approve": True,
        "return_auto_approve_max_amount": "250.50",
        "return_resolutions": "store_credit",
        "return_decision_hours": 24,
        "return_carrier_codes": "yurtici=304512\naras = ARS-77\nbroken line",
        "return_carrier": " yurtici ",
        "return_address": "Depo, Tuzla / İstanbul",
    }
    defaults.update(values)
    return Settings([{"name": name, "value": value} for name, value in defaults.items()])


def test_the_policy_is_read_from_the_merchants_settings():
    policy = from_settings(settings())
    assert policy.window_days == 30
    assert policy.non_returnable_products == {"gift-card", "underwear-set"}
    assert policy.non_returnable_product_types == {"cosmetics", "food"}
    assert policy.reasons == (ReturnReason.SIZE, ReturnReason.DEFECTIVE)
    assert policy.merchant_pays_shipping_for == {ReturnReason.DEFECTIVE}
    assert policy.auto_approve_max_amount == Decimal("250.50")
    assert policy.resolutions == (Resolution.STORE_CREDIT,)
    assert policy.carrier_return_codes == {"yurtici": "304512", "aras": "ARS-77"}
    assert policy.return_carrier == "yurtici"


def test_unusable_settings_fall_back_to_safe_values():
    policy = from_settings(
        settings(
            return_reasons="",
            return_resolutions="cash",
            return_auto_approve_max_amount="lots",
            return_window_days=-5,
        )
    )
    assert policy.reasons == tuple(ReturnReason)
    assert policy.resolutions == (Resolution.REFUND,)
    assert policy.auto_approve_max_amount is None
    assert policy.window_days == 0
