"""Customers and guests see the policy and eligibility, and start and follow returns."""

from datetime import timedelta

from django.utils import timezone

from saleor_tracking_plugin.returns.models import Return

from .helpers import configure_plugin
from .returns_api import (
    ELIGIBILITY,
    REQUEST_RETURN,
    SET_TRACKING,
    call,
    call_ok,
    line_id,
    order_id,
    request_input,
)

RETURN_POLICY = """
query Policy($language: ReturnTextLanguage) {
  returnPolicy(language: $language) {
    windowDays
    reasons { code label shippingPaidBy }
    resolutions { code label }
    nonReturnableProducts nonReturnableProductTypes
    autoApprove autoApproveMaxAmount decisionHours decisionPromiseHours
    returnCarrier { code name } returnAddress
  }
}
"""


def test_storefronts_read_the_policy_without_logging_in(guest_tracking_client):
    configure_plugin(
        return_window_days=30,
        return_non_returnable_product_types="cosmetics",
        return_auto_approve_max_amount="500",
        return_address="Depo, Tuzla / İstanbul",
    )

    policy = call(guest_tracking_client, RETURN_POLICY, {"language": "TR"})

    assert policy["windowDays"] == 30
    assert policy["nonReturnableProductTypes"] == ["cosmetics"]
    assert policy["autoApproveMaxAmount"] == "500"
    assert policy["decisionPromiseHours"] == 48
    assert policy["returnCarrier"] == {"code": "yurtici", "name": "Yurtiçi Kargo"}
    reasons = {r["code"]: r for r in policy["reasons"]}
    assert reasons["DEFECTIVE"]["shippingPaidBy"] == "MERCHANT"
    assert reasons["CHANGED_MIND"]["shippingPaidBy"] == "CUSTOMER"
    assert reasons["DEFECTIVE"]["label"] == "Kusurlu"
    assert [r["code"] for r in policy["resolutions"]] == ["REFUND", "STORE_CREDIT"]


def test_eligibility_counts_fulfilled_minus_requested_items(
    delivered_order, customer_tracking_client
):
    configure_plugin(return_window_days=14)
    shirt, mug = delivered_order.lines.order_by("product_sku")
    call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 1))},
    )

    result = call(customer_tracking_client, ELIGIBILITY, {"id": order_id(delivered_order)})

    lines = {line["sku"]: line for line in result["lines"]}
    assert lines["SKU_AA"]["returnableQuantity"] == 2
    assert lines["SKU_B"]["returnableQuantity"] == 2
    assert lines["SKU_B"]["notReturnableReason"] is None
    delivered = delivered_order.tracked_shipments.get().delivered_at
    assert lines["SKU_B"]["deadline"] == (delivered + timedelta(days=14)).isoformat()
    assert [r["status"] for r in result["returns"]] == ["APPROVED"]
    assert lines["SKU_AA"]["orderLineId"] == line_id(shirt)


def test_a_guest_returns_with_order_number_and_email(delivered_order, guest_tracking_client):
    # given a guest who knows the order number and the email
    guest = {"number": str(delivered_order.number), "email": delivered_order.user_email.upper()}
    shirt, _mug = delivered_order.lines.order_by("product_sku")

    ret = call_ok(
        guest_tracking_client,
        REQUEST_RETURN,
        {**guest, "input": request_input((shirt, 2), reason="CHANGED_MIND", comment="Too big")},
    )

    # then the return is the guest's to follow, at the customer's own shipping cost
    assert ret["status"] == "APPROVED"
    assert ret["customerPaysShipping"] is True
    assert ret["instructions"]["returnCode"] == ""
    stored = Return.objects.get()
    assert (stored.requested_as_guest, stored.requested_by_user, stored.comment) == (
        True,
        None,
        "Too big",
    )
    shipped = call_ok(
        guest_tracking_client,
        SET_TRACKING,
        {**guest, "returnId": ret["id"], "trackingNumber": "1Z999AA10123456784"},
    )
    assert shipped["returnShipment"]["carrier"]["code"] == "ups"


def test_a_guest_with_the_wrong_email_gets_nothing(delivered_order, guest_tracking_client):
    shirt, _mug = delivered_order.lines.order_by("product_sku")
    response = guest_tracking_client.post_graphql(
        REQUEST_RETURN,
        {
            "number": str(delivered_order.number),
            "email": "someone@example.com",
            "input": request_input((shirt, 1)),
        },
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert not Return.objects.exists()


def test_requests_above_the_auto_approval_amount_wait_for_staff(
    delivered_order, customer_tracking_client
):
    configure_plugin(return_auto_approve_max_amount="15")
    shirt, mug = delivered_order.lines.order_by("product_sku")  # 10 and 20 per item

    small = call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 1))},
    )
    large = call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((mug, 1))},
    )

    assert (small["status"], large["status"]) == ("APPROVED", "REQUESTED")


def test_the_window_runs_from_fulfillment_when_delivery_is_unknown(
    delivered_order, customer_tracking_client
):
    configure_plugin(return_window_days=14)
    delivered_order.tracked_shipments.update(delivered_at=None)
    fulfillment = delivered_order.fulfillments.get()
    fulfillment.created_at = timezone.now() - timedelta(days=20)
    fulfillment.save(update_fields=["created_at"])

    result = call(customer_tracking_client, ELIGIBILITY, {"id": order_id(delivered_order)})

    assert {line["notReturnableReason"] for line in result["lines"]} == {"WINDOW_CLOSED"}
    assert {line["returnableQuantity"] for line in result["lines"]} == {0}
