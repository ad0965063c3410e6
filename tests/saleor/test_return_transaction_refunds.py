"""Orders paid with transactions: a refund request is not a refund until the payment app
reports it through Saleor's own `transactionEventReport`."""

from decimal import Decimal

import pytest
from django.core import mail
from saleor.order import FulfillmentStatus, OrderEvents
from saleor.payment import TransactionEventType

from saleor_tracking_plugin.notifications.models import OutboxMessage
from saleor_tracking_plugin.returns.models import RefundStatus, Return, ReturnRefund
from saleor_tracking_plugin.returns.tasks import settle_refunds_task

from ..fixtures import tracking_content
from .payment_app import report
from .returns_api import REFUND, RETURN_FIELDS, call, call_ok, nodes
from .test_return_refunds import inspected_return

SETTLE = f"""
mutation Settle($id: ID!, $action: RefundSettleAction!, $reference: String,
                $amount: Decimal) {{
  returnRefundSettle(id: $id, action: $action, reference: $reference, amount: $amount) {{
    return {{ {RETURN_FIELDS} refundStatus refundError refundReference refundedAmount
              refundShortfall refundAttempts }}
    errors {{ field code message }}
  }}
}}
"""

REFUND_STATE = f"""
mutation Refund($id: ID!) {{
  returnRefund(id: $id) {{
    return {{ {RETURN_FIELDS} refundStatus refundError refundedAmount refundShortfall }}
    errors {{ field code message }}
  }}
}}
"""

RETURN_STATE = f"""
query Returns {{
  returns {{ edges {{ node {{ {RETURN_FIELDS} refundStatus refundError refundedAmount
             refundShortfall refundReference refundAttempts }} }} }}
}}
"""


def staff_view(staff_client) -> dict:
    """The only return, as staff see it in the list."""
    (ret,) = nodes(tracking_content(staff_client.post_graphql(RETURN_STATE, {}))["data"]["returns"])
    return ret


@pytest.fixture
def requested_refund(order_paid_by_transaction, customer_tracking_client, staff_tracking_client):
    """An inspected return of one shirt whose refund was requested from the payment app."""
    order = order_paid_by_transaction
    ret = inspected_return(order, customer_tracking_client, staff_tracking_client, "RESELLABLE")
    requested = call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})
    assert requested["status"] == "REFUND_REQUESTED"
    return ret


def test_the_return_stays_refund_requested_until_the_payment_app_reports(
    requested_refund, order_paid_by_transaction, staff_tracking_client
):
    order = order_paid_by_transaction

    # then no money has moved, so nobody is told it has
    view = staff_view(staff_tracking_client)
    assert (view["status"], view["refundStatus"]) == ("REFUND_REQUESTED", "REQUESTED")
    assert view["refundedAmount"] is None
    returned = order.fulfillments.get(status=FulfillmentStatus.RETURNED)
    assert returned.total_refund_amount is None
    assert not OutboxMessage.objects.filter(message_type="return_refunded").exists()
    # and the reconciliation, finding no outcome in Saleor, changes nothing
    assert settle_refunds_task() == {RefundStatus.REQUESTED: 1}
    assert Return.objects.get().status == "refund_requested"


def test_the_payment_apps_refund_success_completes_the_return(
    requested_refund,
    order_paid_by_transaction,
    staff_tracking_client,
    app_api_client,
    django_capture_on_commit_callbacks,
):
    order = order_paid_by_transaction
    shirt = order.lines.get(product_sku="SKU_AA")
    transaction = order.payment_transactions.get()

    # when the payment app reports the refund through Saleor
    with django_capture_on_commit_callbacks(execute=True):
        report(
            app_api_client,
            transaction,
            "REFUND_SUCCESS",
            shirt.unit_price_gross_amount,
            "psp-refund-1",
        )

    # then Saleor's own hook settled it: refunded, Saleor's fulfillment too, customer told
    view = staff_view(staff_tracking_client)
    assert (view["status"], view["refundStatus"]) == ("REFUNDED", "SUCCEEDED")
    assert Decimal(str(view["refundedAmount"])) == shirt.unit_price_gross_amount
    assert view["refundShortfall"] is None
    returned = order.fulfillments.get(status=FulfillmentStatus.REFUNDED_AND_RETURNED)
    assert returned.total_refund_amount == shirt.unit_price_gross_amount
    assert OutboxMessage.objects.filter(message_type="return_refunded").count() == 1
    assert any(m.subject.startswith("Your refund for return") for m in mail.outbox)
    # and a repeated report or reconciliation changes nothing more
    assert settle_refunds_task() == {}
    assert OutboxMessage.objects.filter(message_type="return_refunded").count() == 1


def test_a_refund_the_payment_app_fails_goes_back_to_staff_and_a_retry_asks_once(
    requested_refund,
    order_paid_by_transaction,
    staff_tracking_client,
    app_api_client,
):
    order = order_paid_by_transaction
    shirt = order.lines.get(product_sku="SKU_AA")
    transaction = order.payment_transactions.get()

    # when the payment app reports a failure (Saleor calls no order hook for it)
    report(
        app_api_client,
        transaction,
        "REFUND_FAILURE",
        shirt.unit_price_gross_amount,
        "psp-refund-1",
        "Card expired",
    )
    assert settle_refunds_task() == {RefundStatus.FAILED: 1}

    # then staff see it with the app's reason, and the customer heard nothing of money
    view = staff_view(staff_tracking_client)
    assert (view["status"], view["refundStatus"]) == ("INSPECTED", "FAILED")
    assert "Card expired" in view["refundError"]
    assert not OutboxMessage.objects.filter(message_type="return_refunded").exists()
    assert order.events.filter(
        type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION,
        parameters__message__icontains="Card expired",
    ).exists()

    # when staff retry twice
    retried = call(staff_tracking_client, SETTLE, {"id": view["id"], "action": "RETRY"})
    again = call(staff_tracking_client, SETTLE, {"id": view["id"], "action": "RETRY"})

    # then there is one new request, the second retry refused while it is open
    assert retried["errors"] == []
    assert (retried["return"]["status"], retried["return"]["refundAttempts"]) == (
        "REFUND_REQUESTED",
        2,
    )
    assert again["errors"][0]["code"] == "REFUND_IN_PROGRESS"
    requests = transaction.events.filter(type=TransactionEventType.REFUND_REQUEST)
    return_pk = Return.objects.get().pk
    assert sorted(requests.values_list("idempotency_key", flat=True)) == [
        f"refund:{return_pk}#1",
        f"refund:{return_pk}#2",
    ]


def test_staff_mark_a_refund_done_with_a_reference(
    requested_refund, order_paid_by_transaction, staff_tracking_client
):
    view = staff_view(staff_tracking_client)

    missing = call(staff_tracking_client, SETTLE, {"id": view["id"], "action": "MARK_DONE"})
    done = call(
        staff_tracking_client,
        SETTLE,
        {"id": view["id"], "action": "MARK_DONE", "reference": "BANK-77"},
    )

    assert missing["errors"][0]["code"] == "REQUIRED"
    assert done["errors"] == []
    assert (done["return"]["status"], done["return"]["refundReference"]) == (
        "REFUNDED",
        "manual:BANK-77",
    )
    assert order_paid_by_transaction.events.filter(
        parameters__message__icontains="refunded"
    ).exists()
    assert ReturnRefund.objects.get().status == RefundStatus.SUCCEEDED


def test_a_refund_capped_by_what_was_charged_says_so_and_is_not_recorded_in_full(
    order_paid_by_transaction, customer_tracking_client, staff_tracking_client
):
    # given the payment app charged only 5.00 of the order
    order = order_paid_by_transaction
    transaction = order.payment_transactions.get()
    transaction.charged_value = Decimal("5.00")
    transaction.save(update_fields=["charged_value"])
    ret = inspected_return(order, customer_tracking_client, staff_tracking_client, "RESELLABLE")

    # when staff refund
    requested = call(staff_tracking_client, REFUND_STATE, {"id": ret["id"]})["return"]

    # then only 5.00 is requested, and staff and the timeline say it is less than owed
    (request,) = transaction.events.filter(type=TransactionEventType.REFUND_REQUEST)
    assert request.amount_value == Decimal("5.00")
    assert ReturnRefund.objects.get().amount == Decimal("5.00")
    owed = Decimal(str(requested["refundAmount"]))
    assert Decimal(str(requested["refundShortfall"])) == owed - Decimal("5.00") > 0
    assert order.events.filter(parameters__message__icontains="less than the").exists()


def test_a_partly_failed_refund_over_two_transactions_is_retried_for_the_rest_only(
    order_paid_by_transaction,
    customer_tracking_client,
    staff_tracking_client,
    app_api_client,
    app,
    transaction_item_generator,
    django_capture_on_commit_callbacks,
):
    # given the order paid by two transactions: 5.00 and the rest
    order = order_paid_by_transaction
    order.payment_transactions.all().delete()
    first = transaction_item_generator(
        order_id=order.pk, app=app, charged_value=Decimal("5.00"), available_actions=["refund"]
    )
    second = transaction_item_generator(
        order_id=order.pk,
        app=app,
        charged_value=order.total.gross.amount - Decimal("5.00"),
        available_actions=["refund"],
    )
    shirt = order.lines.get(product_sku="SKU_AA")
    rest = shirt.unit_price_gross_amount - Decimal("5.00")
    ret = inspected_return(order, customer_tracking_client, staff_tracking_client, "RESELLABLE")
    call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})

    # when the first transaction refunds and the second fails
    report(app_api_client, first, "REFUND_SUCCESS", Decimal("5.00"), "psp-a")
    report(app_api_client, second, "REFUND_FAILURE", rest, "psp-b", "Insufficient funds")
    assert settle_refunds_task() == {RefundStatus.FAILED: 1}
    view = staff_view(staff_tracking_client)
    assert Decimal(str(view["refundedAmount"])) == Decimal("5.00")

    # and staff retry
    call_ok(staff_tracking_client, SETTLE, {"id": ret["id"], "action": "RETRY"})

    # then only the rest is asked, of the second transaction
    retry_requests = second.events.filter(
        type=TransactionEventType.REFUND_REQUEST, idempotency_key__endswith="#2"
    )
    assert [event.amount_value for event in retry_requests] == [rest]
    assert not first.events.filter(idempotency_key__endswith="#2").exists()

    # and once it succeeds the whole amount is recorded as refunded
    with django_capture_on_commit_callbacks(execute=True):
        report(app_api_client, second, "REFUND_SUCCESS", rest, "psp-c")
    view = staff_view(staff_tracking_client)
    assert view["status"] == "REFUNDED"
    assert Decimal(str(view["refundedAmount"])) == shirt.unit_price_gross_amount
