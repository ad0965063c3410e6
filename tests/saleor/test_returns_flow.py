"""The whole return path inside Saleor: request, decision, parcel, inspection, refund."""

from decimal import Decimal

import pytest
from django.core import mail
from saleor.order import FulfillmentStatus, OrderEvents, OrderStatus
from saleor.payment import TransactionKind
from saleor.warehouse.models import Stock

from saleor_tracking_plugin.money import format_money
from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage
from saleor_tracking_plugin.returns.models import ReturnRefund
from saleor_tracking_plugin.returns.signals import return_status_changed
from saleor_tracking_plugin.tracking.models import Shipment

from .helpers import configure_plugin
from .returns_api import (
    APPROVE,
    INSPECT,
    RECEIVE,
    REFUND,
    REQUEST_RETURN,
    SET_TRACKING,
    call_ok,
    inspection,
    order_id,
    request_input,
)


@pytest.fixture
def return_steps():
    """Every status change of a return, as announced after commit."""
    seen = []

    def receiver(sender, return_request, previous, status, **kwargs):
        seen.append(status.value)

    return_status_changed.connect(receiver, weak=False)
    yield seen
    return_status_changed.disconnect(receiver)


def stock_of(line) -> int:
    return Stock.objects.get(
        product_variant=line.variant, warehouse=line.allocations.get().stock.warehouse
    ).quantity


def test_a_customer_returns_two_items_and_staff_take_it_to_a_single_refund(
    delivered_order,
    customer_tracking_client,
    staff_tracking_client,
    payment_txn_captured,
    return_steps,
):
    # given a delivered order and a policy where staff decide every request
    configure_plugin(return_auto_approve=False, return_carrier_codes="yurtici=304512")
    shirt, mug = delivered_order.lines.order_by("product_sku")  # SKU_AA ×3, SKU_B ×2
    shirt_stock, mug_stock = stock_of(shirt), stock_of(mug)

    # when the customer returns one of each because one is defective
    # (Saleor's test client runs on-commit callbacks after each request.)
    ret = call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {
            "id": order_id(delivered_order),
            "input": request_input((shirt, 1), (mug, 1), reason="DEFECTIVE"),
        },
    )
    # then the request is acknowledged with a return number, QR code and the shop's code
    assert ret["status"] == "REQUESTED"
    assert ret["rma"] == f"R{delivered_order.number}-1"
    assert ret["qrCode"].startswith("data:image/svg+xml")
    assert ret["customerPaysShipping"] is False
    assert ret["instructions"]["returnCode"] == "304512"
    assert ret["instructions"]["carrier"]["code"] == "yurtici"

    # when staff approve, the customer ships it back with a tracking number
    call_ok(staff_tracking_client, APPROVE, {"id": ret["id"]})
    shipped = call_ok(
        customer_tracking_client,
        SET_TRACKING,
        {
            "returnId": ret["id"],
            "trackingNumber": "305799887766",
            "id": order_id(delivered_order),
        },
    )
    assert shipped["status"] == "SHIPPED_BACK"
    assert shipped["returnShipment"]["trackingNumber"] == "305799887766"
    assert Shipment.objects.get(kind="return", order=delivered_order).carrier_code == "yurtici"

    # when staff receive and inspect it: the shirt is resellable, the mug defective
    call_ok(staff_tracking_client, RECEIVE, {"id": ret["id"]})
    lines = inspection(shipped, "RESELLABLE", "DEFECTIVE")  # lines in request order
    inspected = call_ok(staff_tracking_client, INSPECT, {"id": ret["id"], "lines": lines})
    expected = shirt.unit_price_gross_amount + mug.unit_price_gross_amount
    assert Decimal(str(inspected["refundAmount"])) == expected

    # then Saleor holds a RETURNED fulfillment with both items
    returned = delivered_order.fulfillments.get(status=FulfillmentStatus.RETURNED)
    assert sorted(
        (line.order_line.product_sku, line.quantity) for line in returned.lines.all()
    ) == [
        ("SKU_AA", 1),
        ("SKU_B", 1),
    ]
    delivered_order.refresh_from_db()
    assert delivered_order.status == OrderStatus.PARTIALLY_RETURNED
    # and only the resellable item went back into stock
    assert stock_of(shirt) == shirt_stock + 1
    assert stock_of(mug) == mug_stock

    # when staff refund, and click again
    refunded = call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})
    again = call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})

    # then the payment is refunded once, for the inspected items
    assert refunded["status"] == again["status"] == "REFUNDED"
    refunds = payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND)
    assert [r.amount for r in refunds] == [expected]
    payment_txn_captured.refresh_from_db()
    assert payment_txn_captured.captured_amount == payment_txn_captured.total - expected
    returned.refresh_from_db()
    assert returned.status == FulfillmentStatus.REFUNDED_AND_RETURNED
    assert returned.total_refund_amount == expected
    (record,) = ReturnRefund.objects.all()
    assert record.idempotency_key == f"refund:{record.return_request_id}"
    assert record.status == "succeeded"

    # and the order's timeline tells the story
    event_types = set(delivered_order.events.values_list("type", flat=True))
    assert {OrderEvents.FULFILLMENT_RETURNED, OrderEvents.PAYMENT_REFUNDED} <= event_types
    messages = [
        e.parameters.get("message", "")
        for e in delivered_order.events.filter(type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION)
    ]
    rma = ret["rma"]
    for step in ("requested", "approved", "shipped", "received", "inspected", "refunded"):
        assert any(m.startswith(f"Return {rma} {step}") for m in messages), (step, messages)

    # and the customer got each step's message, once, by email
    sent = OutboxMessage.objects.filter(order=delivered_order, status=MessageStatus.SENT)
    assert list(sent.order_by("pk").values_list("message_type", flat=True)) == [
        "return_requested",
        "return_approved",
        "return_received",
        "return_inspected",
        "return_refunded",
    ]
    subjects = [email.subject for email in mail.outbox]
    assert subjects == [
        f"We received your return request {rma}",
        f"Your return {rma} is approved",
        f"Your returned parcel {rma} has arrived",
        f"Your return {rma} has been inspected",
        f"Your refund for return {rma}",
    ]
    refunded = format_money(expected, "USD", "en")  # Babel, in the customer's language: $36.90
    assert f"we refunded {refunded} for your return {rma}" in mail.outbox[-1].body
    assert "/pages/return/?t=" in mail.outbox[0].body

    # and every step was announced, in order
    assert return_steps == [
        "requested",
        "approved",
        "shipped_back",
        "received",
        "inspected",
        "refunded",
    ]
