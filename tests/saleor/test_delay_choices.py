"""The customer's choice about a delay, carried out by Saleor's own cancel and refund."""

from datetime import timedelta
from decimal import Decimal

import graphene
import pytest
from django.utils import timezone
from saleor.order import OrderEvents, OrderStatus
from saleor.payment import ChargeStatus, TransactionEventType, TransactionKind
from saleor.webhook.event_types import WebhookEventSyncType

from saleor_tracking_plugin.delays import actions
from saleor_tracking_plugin.delays.models import DelayRefund, OrderDelay, RefundStatus
from saleor_tracking_plugin.delays.rules import DelayChoice
from saleor_tracking_plugin.delays.tasks import settle_delay_refunds_task
from saleor_tracking_plugin.saleor_glue import refunds

from .payment_app import report
from .returns_api import call


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


@pytest.fixture
def late_order_paid_by_transaction(order_with_lines, transaction_item_generator):
    """A late order charged through Saleor's transaction API by a payment app."""

    def make(payment_app=None):
        order_with_lines.created_at = timezone.now() - timedelta(days=21)
        order_with_lines.status = OrderStatus.UNFULFILLED
        order_with_lines.save(update_fields=["created_at", "status"])
        transaction_item_generator(
            order_id=order_with_lines.pk,
            app=payment_app,
            charged_value=order_with_lines.total.gross.amount,
            available_actions=["refund"],
        )
        actions.detect_order_delays(order_with_lines.pk)
        return order_with_lines

    return make


@pytest.fixture
def payment_app(app, permission_manage_payments):
    """A payment app that handles Saleor's refund requests (TRANSACTION_REFUND_REQUESTED)."""
    app.permissions.add(permission_manage_payments)
    webhook = app.webhooks.create(name="refunds", target_url="https://psp.example.com/hook")
    webhook.events.create(event_type=WebhookEventSyncType.TRANSACTION_REFUND_REQUESTED)
    return app


def test_a_transaction_payment_gets_a_refund_request_to_its_payment_app(
    late_order_paid_by_transaction, payment_app, django_capture_on_commit_callbacks
):
    order = late_order_paid_by_transaction(payment_app)

    with django_capture_on_commit_callbacks(execute=True):
        actions.choose(the_delay(order).pk, DelayChoice.CANCEL, updates_consent=False)

    order.refresh_from_db()
    transaction = order.payment_transactions.get()
    assert order.status == OrderStatus.CANCELED
    request = transaction.events.get(type=TransactionEventType.REFUND_REQUEST)
    assert request.amount_value == order.total.gross.amount
    assert order.events.filter(type=OrderEvents.TRANSACTION_REFUND_REQUESTED).exists()
    refund = DelayRefund.objects.get()
    assert refund.status == RefundStatus.REQUESTED
    assert refund.amount == order.total.gross.amount


def test_a_refund_nobody_can_handle_is_recorded_as_failed_for_staff(
    late_order_paid_by_transaction, django_capture_on_commit_callbacks
):
    order = late_order_paid_by_transaction(None)

    with django_capture_on_commit_callbacks(execute=True):
        actions.choose(the_delay(order).pk, DelayChoice.CANCEL, updates_consent=False)

    refund = DelayRefund.objects.get()
    assert refund.status == RefundStatus.FAILED
    assert "No app or plugin is configured" in refund.detail
    messages = [
        e.parameters["message"]
        for e in order.events.filter(type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION)
    ]
    # with the reason, for staff
    assert (
        "Refund after delay cancellation failed: No app or plugin is configured to handle "
        "payment action requests." in messages
    )


def test_asking_saleor_twice_with_the_same_key_requests_one_refund(
    late_order_paid_by_transaction, payment_app
):
    order = late_order_paid_by_transaction(payment_app)
    amount = order.total.gross.amount

    for _ in range(2):
        refunds.refund_order(
            order, amount, idempotency_key="refund:delay:1", reason="test", user=None, app=None
        )

    transaction = order.payment_transactions.get()
    assert transaction.events.filter(type=TransactionEventType.REFUND_REQUEST).count() == 1


def test_a_delay_refund_is_requested_until_the_payment_app_reports_success(
    late_order_paid_by_transaction,
    payment_app,
    app_api_client,
    django_capture_on_commit_callbacks,
):
    # given a cancellation whose refund the payment app was asked for
    order = late_order_paid_by_transaction(payment_app)
    with django_capture_on_commit_callbacks(execute=True):
        actions.choose(the_delay(order).pk, DelayChoice.CANCEL, updates_consent=False)
    assert settle_delay_refunds_task() == {RefundStatus.REQUESTED: 1}

    # when the app reports the refund through Saleor's transactionEventReport
    with django_capture_on_commit_callbacks(execute=True):
        report(
            app_api_client,
            order.payment_transactions.get(),
            "REFUND_SUCCESS",
            order.total.gross.amount,
            "psp-refund-9",
        )

    # then Saleor's hook settled it, once, on the timeline too
    refund = DelayRefund.objects.get()
    assert (refund.status, refund.amount) == (RefundStatus.SUCCEEDED, order.total.gross.amount)
    assert settle_delay_refunds_task() == {}
    assert order.events.filter(
        parameters__message__startswith="Refund after delay cancellation succeeded"
    ).exists()


def test_a_delay_refund_the_payment_app_fails_is_failed_with_its_reason(
    late_order_paid_by_transaction, payment_app, app_api_client, django_capture_on_commit_callbacks
):
    order = late_order_paid_by_transaction(payment_app)
    with django_capture_on_commit_callbacks(execute=True):
        actions.choose(the_delay(order).pk, DelayChoice.CANCEL, updates_consent=False)

    report(
        app_api_client,
        order.payment_transactions.get(),
        "REFUND_FAILURE",
        order.total.gross.amount,
        "psp-refund-9",
        "Account closed",
    )
    # Saleor calls no order hook for a failure: the reconciliation finds it
    assert settle_delay_refunds_task() == {RefundStatus.FAILED: 1}

    refund = DelayRefund.objects.get()
    assert (refund.status, refund.detail) == (RefundStatus.FAILED, "Account closed")


DELAY_REFUND_SETTLE = """
mutation Settle($delayId: ID!, $action: RefundSettleAction!, $reference: String) {
  delayRefundSettle(delayId: $delayId, action: $action, reference: $reference) {
    delay { refund { status detail idempotencyKey } }
    errors { field code message }
  }
}
"""


def test_staff_retry_a_delay_refund_the_payment_app_failed_once_per_open_request(
    late_order_paid_by_transaction,
    payment_app,
    app_api_client,
    staff_tracking_client,
    django_capture_on_commit_callbacks,
):
    # given a cancellation whose refund the payment app failed
    order = late_order_paid_by_transaction(payment_app)
    delay = the_delay(order)
    with django_capture_on_commit_callbacks(execute=True):
        actions.choose(delay.pk, DelayChoice.CANCEL, updates_consent=False)
    transaction = order.payment_transactions.get()
    report(app_api_client, transaction, "REFUND_FAILURE", order.total.gross.amount, "psp-1", "Nope")
    settle_delay_refunds_task()
    delay_id = graphene.Node.to_global_id("OrderDelay", delay.pk)

    # when staff retry, twice
    retried = call(
        staff_tracking_client, DELAY_REFUND_SETTLE, {"delayId": delay_id, "action": "RETRY"}
    )
    again = call(
        staff_tracking_client, DELAY_REFUND_SETTLE, {"delayId": delay_id, "action": "RETRY"}
    )

    # then one new request is open, under the attempt's key; the second retry is refused
    assert retried["errors"] == []
    assert retried["delay"]["refund"]["status"] == "REQUESTED"
    assert again["errors"][0]["code"] == "REFUND_IN_PROGRESS"
    keys = transaction.events.filter(type=TransactionEventType.REFUND_REQUEST).values_list(
        "idempotency_key", flat=True
    )
    assert sorted(keys) == [f"refund:delay:{delay.pk}", f"refund:delay:{delay.pk}#2"]

    # and staff may settle it by hand with a reference
    done = call(
        staff_tracking_client,
        DELAY_REFUND_SETTLE,
        {"delayId": delay_id, "action": "MARK_DONE", "reference": "BANK-9"},
    )
    assert done["delay"]["refund"]["status"] == "SUCCEEDED"
    assert done["delay"]["refund"]["detail"] == "manual:BANK-9"
