"""R4: many refund calls for one return, and many cancellations of one delayed order, at the
same instant (double clicks, two staff members, a task delivered again): exactly one money
movement each.

Bounded in CI (40 calls each); `STP_RELIABILITY=full`: 100 calls each. The calls run in
threads, `race.AT_ONCE` at a time, with their own database connections."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from saleor.order import OrderStatus
from saleor.payment import TransactionKind

from saleor_tracking_plugin.delays import actions as delays
from saleor_tracking_plugin.delays.models import DelayRefund, OrderDelay
from saleor_tracking_plugin.delays.rules import DelayChoice
from saleor_tracking_plugin.returns import actions as returns
from saleor_tracking_plugin.returns.models import RefundStatus, ReturnRefund
from saleor_tracking_plugin.returns.refunding import resolve_return

from .race import race

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("replica_reads_the_test_database"),
]

CALLS = 100 if os.environ.get("STP_RELIABILITY") == "full" else 40


def refunds_of(payment) -> list:
    return list(
        payment.transactions.filter(kind=TransactionKind.REFUND).values_list("amount", flat=True)
    )


def test_concurrent_refunds_of_one_return_move_money_once(
    delivered_order, payment_txn_captured, staff_user
):
    # given an inspected return of one shirt
    shirt = delivered_order.lines.get(product_sku="SKU_AA")
    actor = returns.Actor(user=staff_user)
    ret = returns.request_return(
        delivered_order, [(shirt.pk, 1)], reason="size", resolution="refund", actor=actor
    )
    returns.mark_received(ret, actor)
    (line,) = ret.lines.all()
    returns.inspect_return(ret, {line.pk: "resellable"}, actor)

    # when staff's refund is called many times at once
    outcomes = race(CALLS, lambda: resolve_return(ret, actor).status)

    # then Saleor moved the shirt's price once, and one refund is recorded
    moved = refunds_of(payment_txn_captured)
    print(f"\nR4 return refund: {CALLS} concurrent calls, money movements {len(moved)}, {outcomes}")
    assert moved == [shirt.unit_price_gross_amount]
    assert ReturnRefund.objects.filter(return_request=ret).count() == 1
    # and every other call was told the refund is made or being made (no deadlock, no error)
    assert set(outcomes) <= {RefundStatus.SUCCEEDED, "ReturnError: REFUND_IN_PROGRESS"}, outcomes
    assert sum(outcomes.values()) == CALLS


@pytest.fixture
def late_paid_order(payment_txn_captured):
    """An unshipped order paid with Saleor's dummy gateway three weeks ago: delayed."""
    order = payment_txn_captured.order
    order.created_at = timezone.now() - timedelta(days=21)
    order.status = OrderStatus.UNFULFILLED
    order.save(update_fields=["created_at", "status"])
    delays.detect_order_delays(order.pk)
    return order


def test_concurrent_cancel_choices_of_one_delay_move_money_once(late_paid_order):
    # given a delayed, paid order whose customer keeps tapping "cancel and refund"
    delay = OrderDelay.objects.get(order=late_paid_order)
    payment = late_paid_order.payments.get()

    # when the taps arrive at once (each winner carries the cancellation out after commit)
    outcomes = race(
        CALLS, lambda: delays.choose(delay.pk, DelayChoice.CANCEL, updates_consent=False).choice
    )

    # then one tap was taken, the order is cancelled and the payment refunded once
    moved = refunds_of(payment)
    print(
        f"\nR4 delay cancel: {CALLS} concurrent choices, money movements {len(moved)}, {outcomes}"
    )
    assert outcomes[DelayChoice.CANCEL] == 1
    assert outcomes["DelayActionError: CLOSED"] == CALLS - 1
    assert moved == [payment.total]
    assert DelayRefund.objects.filter(delay=delay).count() == 1
    late_paid_order.refresh_from_db()
    assert late_paid_order.status == OrderStatus.CANCELED


def test_concurrent_runs_of_one_cancellation_move_money_once(late_paid_order):
    # given the customer chose to cancel (carried out later by the task)
    delay = OrderDelay.objects.get(order=late_paid_order)
    OrderDelay.objects.filter(pk=delay.pk).update(choice=DelayChoice.CANCEL)
    payment = late_paid_order.payments.get()

    # when the cancellation task is delivered many times at once (redelivery, retries)
    outcomes = race(CALLS, lambda: str(getattr(delays.cancel_and_refund(delay.pk), "status", None)))

    # then Saleor cancelled and refunded once
    moved = refunds_of(payment)
    print(f"\nR4 delay refund: {CALLS} concurrent runs, money movements {len(moved)}, {outcomes}")
    assert moved == [payment.total]
    assert DelayRefund.objects.filter(delay=delay).count() == 1
    assert sum(outcomes.values()) == CALLS
