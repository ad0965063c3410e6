"""A double click: two refund requests for one return at the same instant refund once."""

import threading

import pytest
from django.db import connections
from saleor.payment import TransactionKind

from saleor_tracking_plugin.returns import actions, refunding
from saleor_tracking_plugin.returns.errors import ReturnError
from saleor_tracking_plugin.returns.models import RefundStatus, ReturnRefund

# The racing requests run in threads, which read through Saleor's replica connection.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("replica_reads_the_test_database"),
]


def test_two_simultaneous_refunds_of_one_return_refund_once(
    delivered_order, payment_txn_captured, staff_user
):
    # given an inspected return
    shirt = delivered_order.lines.get(product_sku="SKU_AA")
    actor = actions.Actor(user=staff_user)
    ret = actions.request_return(
        delivered_order, [(shirt.pk, 1)], reason="size", resolution="refund", actor=actor
    )
    actions.mark_received(ret, actor)
    (line,) = ret.lines.all()
    actions.inspect_return(ret, {line.pk: "resellable"}, actor)

    # when two requests to refund it arrive together
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def click() -> None:
        try:
            start.wait()
            record = refunding.resolve_return(ret, actor)
            outcomes.append(record.status)
        except ReturnError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    clicks = [threading.Thread(target=click) for _ in range(2)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join(timeout=60)

    # then Saleor refunded once; the other click saw the refund made or being made
    refunds = payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND)
    assert [r.amount for r in refunds] == [shirt.unit_price_gross_amount]
    assert sorted(outcomes) in (
        ["REFUND_IN_PROGRESS", RefundStatus.SUCCEEDED],
        [RefundStatus.SUCCEEDED, RefundStatus.SUCCEEDED],
    )
    assert ReturnRefund.objects.get().status == RefundStatus.SUCCEEDED
