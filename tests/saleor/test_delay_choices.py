"""The customer's choice about a delay, carried out by Saleor's own cancel and refund."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from saleor.order import FulfillmentStatus, OrderEvents, OrderStatus
from saleor.payment import ChargeStatus, TransactionKind

from saleor_tracking_plugin.delays import actions
from saleor_tracking_plugin.delays.models import DelayRefund, OrderDelay, RefundStatus
from saleor_tracking_plugin.delays.rules import DelayChoice


@pytest.fixture
def late_paid_order(payment_txn_captured):
    """An unshipped order, paid with Saleor's dummy gateway, placed three weeks ago."""
    order = payment_txn_captured.order
    order.created_at = timezone.now() - timedelta(days=21)
    order.status = OrderStatus.UNFULFILLED
    order.save(update_fields=["created_at", "status"])
    actions.detect_order_delays(order.pk)
    return order


def the_delay(order) -> OrderDelay:
    return OrderDelay.objects.get(order=order)


def test_choosing_to_cancel_cancels_in_saleor_and_refunds_the_payment(
    late_paid_order, django_capture_on_commit_callbacks
):
    payment = late_paid_order.payments.get()

    with django_capture_on_commit_callbacks(execute=True):
        actions.choose(the_delay(late_paid_order).pk, DelayChoice.CANCEL, updates_consent=True)

    late_paid_order.refresh_from_db()
    payment.refresh_from_db()
    assert late_paid_order.status == OrderStatus.CANCELED
    assert payment.charge_status == ChargeStatus.FULLY_REFUNDED
    assert payment.transactions.filter(kind=TransactionKind.REFUND, is_success=True).count() == 1
    assert late_paid_order.events.filter(type=OrderEvents.CANCELED).exists()
    assert late_paid_order.events.filter(type=OrderEvents.PAYMENT_REFUNDED).exists()
    assert late_paid_order.fulfillments.filter(status=FulfillmentStatus.REFUNDED).count() == 1
    refund = DelayRefund.objects.get()
    assert refund.idempotency_key == f"refund:delay:{the_delay(late_paid_order).pk}"
    assert refund.status == RefundStatus.SUCCEEDED
    assert refund.amount == payment.total
    delay = the_delay(late_paid_order)
    assert delay.resolution == "cancelled"
    assert delay.updates_consent is False  # nothing left to update about


def test_carrying_out_the_cancellation_twice_refunds_once(
    late_paid_order, django_capture_on_commit_callbacks
):
    delay = the_delay(late_paid_order)
    with django_capture_on_commit_callbacks(execute=True):
        actions.choose(delay.pk, DelayChoice.CANCEL, updates_consent=False)

    again = actions.cancel_and_refund(delay.pk)

    assert again == DelayRefund.objects.get()
    payment = late_paid_order.payments.get()
    assert payment.transactions.filter(kind=TransactionKind.REFUND).count() == 1


def test_a_refund_recorded_but_never_finished_is_not_retried(late_paid_order):
    # given a crash after the key was recorded and before Saleor answered
    delay = the_delay(late_paid_order)
    OrderDelay.objects.filter(pk=delay.pk).update(choice=DelayChoice.CANCEL)
    DelayRefund.objects.create(
        delay=delay, idempotency_key=f"refund:delay:{delay.pk}", status=RefundStatus.PENDING
    )

    refund = actions.cancel_and_refund(delay.pk)

    assert refund.status == RefundStatus.PENDING
    payment = late_paid_order.payments.get()
    assert not payment.transactions.filter(kind=TransactionKind.REFUND).exists()


def test_choosing_to_wait_keeps_the_order_and_records_consent(late_paid_order):
    delay = actions.choose(the_delay(late_paid_order).pk, DelayChoice.WAIT, updates_consent=True)

    late_paid_order.refresh_from_db()
    assert late_paid_order.status == OrderStatus.UNFULFILLED
    assert delay.choice == DelayChoice.WAIT
    assert delay.updates_consent is True
    assert delay.chosen_at is not None
    messages = [
        e.parameters["message"]
        for e in late_paid_order.events.filter(type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION)
    ]
    assert (
        "Customer chose to wait for the new delivery date (agreed to updates until delivery)"
        in messages
    )


def test_cancelling_is_refused_once_something_has_shipped(late_paid_order):
    late_paid_order.fulfillments.create(tracking_number="305712345678")

    with pytest.raises(actions.DelayActionError) as error:
        actions.choose(the_delay(late_paid_order).pk, DelayChoice.CANCEL, updates_consent=False)

    assert error.value.code == "NOT_OFFERED"
    assert the_delay(late_paid_order).choice == ""


def test_an_order_without_payment_is_cancelled_with_nothing_to_refund(
    order_with_lines, django_capture_on_commit_callbacks
):
    order_with_lines.created_at = timezone.now() - timedelta(days=21)
    order_with_lines.status = OrderStatus.UNFULFILLED
    order_with_lines.save(update_fields=["created_at", "status"])
    actions.detect_order_delays(order_with_lines.pk)

    with django_capture_on_commit_callbacks(execute=True):
        actions.choose(the_delay(order_with_lines).pk, DelayChoice.CANCEL, updates_consent=False)

    order_with_lines.refresh_from_db()
    assert order_with_lines.status == OrderStatus.CANCELED
    refund = DelayRefund.objects.get()
    assert refund.status == RefundStatus.NOTHING_TO_REFUND
    assert refund.amount == Decimal(0)
