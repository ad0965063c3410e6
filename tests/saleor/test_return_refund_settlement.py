"""Refunds that Saleor's records settle later, and returns staff close: nothing stays stuck,
nothing is refunded twice."""

from datetime import timedelta
from decimal import Decimal

import requests
from django.utils import timezone
from saleor.payment import TransactionEventType, TransactionKind
from saleor.payment.gateways.dummy import plugin as dummy_gateway

from saleor_tracking_plugin.notifications.models import OutboxMessage
from saleor_tracking_plugin.returns.models import RefundStatus, Return, ReturnRefund
from saleor_tracking_plugin.returns.tasks import settle_refunds_task

from .helpers import configure_plugin
from .returns_api import (
    APPROVE,
    REFUND,
    REQUEST_RETURN,
    SET_TRACKING,
    call,
    call_ok,
    order_id,
    request_input,
)
from .test_return_refunds import inspected_return

CLOSE = """
mutation Close($id: ID!, $reason: String!) {
  returnClose(id: $id, reason: $reason) {
    return { id status closeReason refundStatus }
    errors { field code message }
  }
}
"""


def gateway_times_out(monkeypatch) -> list:
    """The payment gateway's HTTP call times out after the request left (money may move)."""
    calls = []

    def timing_out(payment_information, config):
        calls.append(payment_information.amount)
        raise requests.exceptions.ReadTimeout("Read timed out. (read timeout=20)")

    monkeypatch.setattr(dummy_gateway, "refund", timing_out)
    return calls


def test_a_gateway_timeout_is_unknown_not_failed_and_never_refunded_again(
    delivered_order,
    customer_tracking_client,
    staff_tracking_client,
    payment_txn_captured,
    monkeypatch,
):
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE"
    )
    calls = gateway_times_out(monkeypatch)

    first = call(staff_tracking_client, REFUND, {"id": ret["id"]})
    again = call(staff_tracking_client, REFUND, {"id": ret["id"]})

    # then the outcome is unknown, staff are told, and the gateway was asked once
    assert first["errors"][0]["code"] == "REFUND_UNKNOWN"
    assert again["errors"][0]["code"] == "REFUND_UNKNOWN"
    assert len(calls) == 1
    record = ReturnRefund.objects.get()
    assert record.status == RefundStatus.UNKNOWN
    assert record.saleor_reference == f"payment:{payment_txn_captured.pk}"
    assert Return.objects.get().status == "inspected"
    assert not OutboxMessage.objects.filter(message_type="return_refunded").exists()
    # and the reconciliation, finding no refund in the payment's records, waits
    assert settle_refunds_task() == {RefundStatus.UNKNOWN: 1}
    assert len(calls) == 1


def test_an_unknown_refund_is_settled_from_the_payments_records(
    delivered_order,
    customer_tracking_client,
    staff_tracking_client,
    payment_txn_captured,
    monkeypatch,
):
    # given a refund whose gateway answer was lost
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE"
    )
    calls = gateway_times_out(monkeypatch)
    call(staff_tracking_client, REFUND, {"id": ret["id"]})
    amount = ReturnRefund.objects.get().amount

    # when the gateway's notification reaches Saleor: a successful REFUND transaction row
    payment_txn_captured.transactions.create(
        kind=TransactionKind.REFUND,
        is_success=True,
        amount=amount,
        currency=payment_txn_captured.currency,
        token="psp-refund-42",
        gateway_response={},
    )
    counts = settle_refunds_task()

    # then the refund is done, by reading, not by refunding again
    assert counts == {RefundStatus.SUCCEEDED: 1}
    assert len(calls) == 1
    record = ReturnRefund.objects.get()
    assert record.status == RefundStatus.SUCCEEDED
    assert record.saleor_reference.startswith("payment-transaction:")
    assert Return.objects.get().status == "refunded"
    assert OutboxMessage.objects.filter(message_type="return_refunded").count() == 1


def test_a_stale_pending_refund_whose_request_saleor_recorded_becomes_requested(
    order_paid_by_transaction, customer_tracking_client, staff_tracking_client
):
    # given a worker that died after Saleor recorded the request, before we did
    order = order_paid_by_transaction
    ret = inspected_return(order, customer_tracking_client, staff_tracking_client, "RESELLABLE")
    call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})
    record = ReturnRefund.objects.get()
    ReturnRefund.objects.filter(pk=record.pk).update(
        status=RefundStatus.PENDING,
        saleor_reference="",
        attempt_started_at=timezone.now() - timedelta(hours=1),
    )

    counts = settle_refunds_task()

    assert counts == {RefundStatus.REQUESTED: 1}
    record.refresh_from_db()
    (request,) = order.payment_transactions.get().events.filter(
        type=TransactionEventType.REFUND_REQUEST
    )
    assert record.saleor_reference == f"transaction-event:{request.pk}"


def test_a_return_lost_on_its_way_back_is_closed_with_the_reason(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    configure_plugin(return_auto_approve=False)
    shirt = delivered_order.lines.get(product_sku="SKU_AA")
    ret = call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 1))},
    )
    call_ok(staff_tracking_client, APPROVE, {"id": ret["id"]})
    call_ok(
        customer_tracking_client,
        SET_TRACKING,
        {"returnId": ret["id"], "trackingNumber": "305799990000", "id": order_id(delivered_order)},
    )

    no_reason = call(staff_tracking_client, CLOSE, {"id": ret["id"], "reason": "  "})
    closed = call(staff_tracking_client, CLOSE, {"id": ret["id"], "reason": "Lost by carrier"})

    assert no_reason["errors"][0]["code"] == "REQUIRED"
    assert closed["errors"] == []
    assert closed["return"]["status"] == "CLOSED"
    assert closed["return"]["closeReason"] == "Lost by carrier"
    assert delivered_order.events.filter(
        parameters__message__icontains="closed: Lost by carrier"
    ).exists()
    assert not payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND).exists()


def test_a_return_whose_items_arrived_cannot_be_closed_without_refund(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "DAMAGED"
    )

    refused = call(staff_tracking_client, CLOSE, {"id": ret["id"], "reason": "No"})

    assert refused["errors"][0]["code"] == "ITEMS_ARRIVED"
    assert Return.objects.get().status == "inspected"


def test_a_return_whose_items_all_went_missing_is_closed(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "MISSING"
    )

    closed = call(staff_tracking_client, CLOSE, {"id": ret["id"], "reason": "Empty parcel"})

    assert closed["return"]["status"] == "CLOSED"
    assert Decimal(Return.objects.get().refund_amount) == 0


def test_a_payment_refund_left_pending_by_a_dead_worker_becomes_unknown_not_retried(
    delivered_order,
    customer_tracking_client,
    staff_tracking_client,
    payment_txn_captured,
    monkeypatch,
):
    # given a refund whose worker died while the gateway was being asked, an hour ago
    inspected_return(delivered_order, customer_tracking_client, staff_tracking_client, "DAMAGED")
    record = Return.objects.get()
    ReturnRefund.objects.create(
        idempotency_key=f"refund:{record.pk}",
        return_request=record,
        resolution="refund",
        amount=record.refund_amount,
        requested_amount=record.refund_amount,
        currency="USD",
        attempts=1,
        attempt_started_at=timezone.now() - timedelta(hours=1),
    )
    calls = gateway_times_out(monkeypatch)

    counts = settle_refunds_task()

    # then it is unknown, to be read from the payment's records; the gateway is not asked
    assert counts == {RefundStatus.UNKNOWN: 1}
    assert calls == []
    assert ReturnRefund.objects.get().saleor_reference == f"payment:{payment_txn_captured.pk}"
    assert not payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND).exists()
