"""A personal thank-you coupon for a good rating: a single-use Saleor voucher code that
Saleor's own checkout accepts; at most one per customer within the cooldown."""

from datetime import timedelta

import pytest
from django.utils import timezone
from saleor.discount.models import Voucher
from saleor.graphql.core.utils import to_global_id_or_none
from saleor.graphql.tests.utils import get_graphql_content

from saleor_tracking_plugin.pages.links import order_token
from saleor_tracking_plugin.surveys.actions import Answer, submit_answer
from saleor_tracking_plugin.surveys.messages import SURVEY_THANKS
from saleor_tracking_plugin.surveys.models import SurveyCoupon

from ..survey_fixtures import another_delivered_order_of, queued
from .helpers import configure_plugin

ADD_PROMO_CODE = """
mutation Add($id: ID, $promoCode: String!) {
  checkoutAddPromoCode(id: $id, promoCode: $promoCode) {
    errors { field code message }
    checkout { voucherCode discount { amount } subtotalPrice { gross { amount } } }
  }
}
"""


@pytest.fixture
def ten_percent_coupons(db):
    configure_plugin(
        coupon_enabled=True,
        coupon_min_score=5,
        coupon_discount_type="percentage",
        coupon_value="10",
        coupon_expiry_days=30,
        coupon_cooldown_days=90,
    )


def test_a_top_score_earns_a_single_use_code_shown_in_the_message_and_on_the_page(
    client, delivered_order, ten_percent_coupons
):
    # when the customer rates 5
    submit_answer(delivered_order, Answer(score=5))

    # then a single-use 10 % voucher exists in the order's channel, with its code told
    coupon = SurveyCoupon.objects.get(survey__order=delivered_order)
    voucher = Voucher.objects.get(pk=coupon.voucher_id)
    assert (voucher.single_use, voucher.usage_limit, voucher.discount_value_type) == (
        True,
        1,
        "percentage",
    )
    listing = voucher.channel_listings.get()
    assert (listing.channel_id, listing.discount_value) == (delivered_order.channel_id, 10)
    assert voucher.end_date == coupon.expires_at
    [thanks] = queued(delivered_order, SURVEY_THANKS)
    assert coupon.code in thanks.body
    page = client.get(
        "/plugins/global/saleor_tracking_plugin/pages/survey/",
        {"t": order_token(delivered_order, "survey")},
    ).content.decode()
    assert coupon.code in page


def test_saleors_checkout_accepts_the_code_and_gives_the_discount(
    api_client, checkout_with_item, delivered_order, ten_percent_coupons
):
    # given a coupon earned for an order in the checkout's channel
    assert checkout_with_item.channel_id == delivered_order.channel_id
    submit_answer(delivered_order, Answer(score=5))
    code = SurveyCoupon.objects.get().code

    # when the customer enters it in Saleor's checkout
    response = api_client.post_graphql(
        ADD_PROMO_CODE, {"id": to_global_id_or_none(checkout_with_item), "promoCode": code}
    )

    # then Saleor applies it: 10 % of the subtotal off
    data = get_graphql_content(response)["data"]["checkoutAddPromoCode"]
    assert data["errors"] == []
    assert data["checkout"]["voucherCode"] == code
    subtotal_before = sum(
        line.variant.channel_listings.get(channel=checkout_with_item.channel).price_amount
        * line.quantity
        for line in checkout_with_item.lines.all()
    )
    assert data["checkout"]["discount"]["amount"] == pytest.approx(float(subtotal_before) * 0.1)


def test_a_score_below_the_coupon_threshold_earns_no_coupon(delivered_order, ten_percent_coupons):
    submit_answer(delivered_order, Answer(score=4))

    assert not SurveyCoupon.objects.exists()
    [thanks] = queued(delivered_order, SURVEY_THANKS)
    assert "personal code" not in thanks.body


def test_one_coupon_per_customer_within_the_cooldown(
    delivered_order, order_with_lines, ten_percent_coupons
):
    # given the customer got a coupon 30 days ago for another order
    submit_answer(delivered_order, Answer(score=5), now=timezone.now() - timedelta(days=30))
    second = another_delivered_order_of(delivered_order)

    # when they rate their next order 5
    submit_answer(second, Answer(score=5))

    # then no second coupon is given
    assert SurveyCoupon.objects.count() == 1
    assert Voucher.objects.count() == 1


def test_no_coupon_when_coupons_are_off(delivered_order):
    submit_answer(delivered_order, Answer(score=5))

    assert not SurveyCoupon.objects.exists()


def _fixed_coupons(min_spend: str, channel: str = "") -> None:
    configure_plugin(
        coupon_enabled=True,
        coupon_min_score=5,
        coupon_discount_type="fixed",
        coupon_value="5.00",
        coupon_min_spend=min_spend,
        coupon_expiry_days=14,
        coupon_channel=channel,
    )


def _add_code(api_client, checkout, code) -> dict:
    response = api_client.post_graphql(
        ADD_PROMO_CODE, {"id": to_global_id_or_none(checkout), "promoCode": code}
    )
    return get_graphql_content(response)["data"]["checkoutAddPromoCode"]


def test_a_fixed_coupon_takes_its_amount_off_in_saleors_checkout(
    api_client, checkout_with_item, delivered_order
):
    _fixed_coupons(min_spend="1")
    submit_answer(delivered_order, Answer(score=5))
    coupon = SurveyCoupon.objects.get()

    data = _add_code(api_client, checkout_with_item, coupon.code)

    assert data["errors"] == []
    assert data["checkout"]["discount"]["amount"] == 5.0
    assert coupon.expires_at == coupon.issued_at + timedelta(days=14)


def test_saleors_checkout_refuses_the_code_below_the_minimum_spend(
    api_client, checkout_with_item, delivered_order
):
    _fixed_coupons(min_spend="100000")
    submit_answer(delivered_order, Answer(score=5))

    data = _add_code(api_client, checkout_with_item, SurveyCoupon.objects.get().code)

    assert [error["code"] for error in data["errors"]] == ["VOUCHER_NOT_APPLICABLE"]
    assert data["checkout"] is None


def test_the_coupon_is_valid_in_the_configured_channel(delivered_order, channel_PLN):
    _fixed_coupons(min_spend="", channel=channel_PLN.slug)

    submit_answer(delivered_order, Answer(score=5))

    voucher = Voucher.objects.get(pk=SurveyCoupon.objects.get().voucher_id)
    listing = voucher.channel_listings.get()
    assert (listing.channel_id, listing.currency, listing.min_spent_amount) == (
        channel_PLN.pk,
        "PLN",
        None,
    )
