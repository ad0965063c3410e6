"""Refunds of returns are made through Saleor exactly once, whatever happens around them."""

from decimal import Decimal

from django.core import mail
from saleor.order import OrderEvents
from saleor.payment import TransactionEventType, TransactionKind

from saleor_tracking_plugin.money import format_money
from saleor_tracking_plugin.returns.models import RefundStatus, Return, ReturnRefund
from saleor_tracking_plugin.saleor_glue import refunds

from .helpers import configure_plugin
from .returns_api import (
    INSPECT,
    RECEIVE,
    REFUND,
    REQUEST_RETURN,
    RETURN_FIELDS,
    call,
    call_ok,
    inspection,
    order_id,
    request_input,
)


def inspected_return(order, customer_client, staff_client, *outcomes, resolution="REFUND"):
    """A return of one item of each line, received and inspected with `outcomes`."""
    lines = order.lines.order_by("product_sku")
    ret = call_ok(
        customer_client,
        REQUEST_RETURN,
        {
            "id": order_id(order),
            "input": request_input(
                *[(line, 1) for line in lines][: len(outcomes)], resolution=resolution
            ),
        },
    )
    call_ok(staff_client, RECEIVE, {"id": ret["id"]})
    return call_ok(staff_client, INSPECT, {"id": ret["id"], "lines": inspection(ret, *outcomes)})


def test_the_idempotency_key_is_recorded_before_saleor_refunds(
    delivered_order, customer_tracking_client, staff_tracking_client, monkeypatch
):
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE"
    )
    seen_at_refund_time = []
    real_refund = refunds.gateway.refund

    def observing_refund(payment, *args, **kwargs):
        # What a crash at this instant would leave behind.
        seen_at_refund_time.extend(ReturnRefund.objects.values_list("idempotency_key", "status"))
        return real_refund(payment, *args, **kwargs)

    monkeypatch.setattr(refunds.gateway, "refund", observing_refund)

    call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})

    return_pk = Return.objects.get().pk
    assert seen_at_refund_time == [(f"refund:{return_pk}", RefundStatus.PENDING)]


def test_a_refund_interrupted_midway_is_never_made_again(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    # given a refund whose key was recorded but whose outcome is unknown (worker crashed)
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE"
    )
    record = Return.objects.get()
    ReturnRefund.objects.create(
        idempotency_key=f"refund:{record.pk}",
        return_request=record,
        resolution="refund",
        amount=Decimal(10),
        currency="USD",
    )

    # when staff click again
    payload = call(staff_tracking_client, REFUND, {"id": ret["id"]})

    # then nothing is refunded and staff are told why
    assert payload["errors"][0]["code"] == "REFUND_IN_PROGRESS"
    assert not payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND).exists()


def test_repeated_refund_calls_refund_once(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE", "DAMAGED"
    )

    results = [call(staff_tracking_client, REFUND, {"id": ret["id"]}) for _ in range(3)]

    assert all(r["errors"] == [] and r["return"]["status"] == "REFUNDED" for r in results)
    assert payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND).count() == 1
    assert delivered_order.events.filter(type=OrderEvents.PAYMENT_REFUNDED).count() == 1


def test_a_refused_refund_can_be_retried_and_then_succeeds_once(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    # given the payment cannot be refunded at first (not charged yet)
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE"
    )
    charge_status = payment_txn_captured.charge_status
    payment_txn_captured.charge_status = "not-charged"
    payment_txn_captured.save(update_fields=["charge_status"])

    failed = call(staff_tracking_client, REFUND, {"id": ret["id"]})

    assert failed["errors"][0]["code"] == "NO_REFUNDABLE_PAYMENT"
    assert ReturnRefund.objects.get().status == RefundStatus.FAILED
    assert Return.objects.get().status == "inspected"

    # when the payment is fixed and staff retry
    payment_txn_captured.charge_status = charge_status
    payment_txn_captured.save(update_fields=["charge_status"])
    call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})
    call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})

    # then it is refunded exactly once, under the same key
    assert payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND).count() == 1
    record = ReturnRefund.objects.get()
    assert (record.status, record.attempts) == (RefundStatus.SUCCEEDED, 2)


def test_missing_items_are_not_refunded(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    shirt, mug = delivered_order.lines.order_by("product_sku")
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE", "MISSING"
    )

    call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})

    (refund,) = payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND)
    assert refund.amount == shirt.unit_price_gross_amount
    returned_skus = [
        line.order_line.product_sku for line in Return.objects.get().saleor_fulfillment.lines.all()
    ]
    assert returned_skus == ["SKU_AA"]


def test_store_credit_is_a_saleor_gift_card_issued_once(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    shirt, _mug = delivered_order.lines.order_by("product_sku")
    ret = inspected_return(
        delivered_order,
        customer_tracking_client,
        staff_tracking_client,
        "RESELLABLE",
        resolution="STORE_CREDIT",
    )

    credited = call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})
    call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})

    assert credited["status"] == "CREDITED"
    inspected_mail, credited_mail = mail.outbox[-2:]
    # money in the customer's language, with Babel (English: $12.30)
    amount = format_money(shirt.unit_price_gross_amount, "USD", "en")
    assert f"you will receive {amount} of store credit" in inspected_mail.body
    assert credited_mail.subject == f"Your store credit for return {ret['rma']}"
    gift_card = Return.objects.get().gift_card
    assert gift_card.initial_balance_amount == shirt.unit_price_gross_amount
    assert gift_card.current_balance_amount == shirt.unit_price_gross_amount
    assert gift_card.is_active
    assert gift_card.events.filter(type="issued").count() == 1
    assert not payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND).exists()


def test_orders_paid_with_transactions_get_a_refund_request_once(
    order_paid_by_transaction, customer_tracking_client, staff_tracking_client
):
    order = order_paid_by_transaction
    shirt, _mug = order.lines.order_by("product_sku")
    ret = inspected_return(order, customer_tracking_client, staff_tracking_client, "RESELLABLE")

    requested = call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})
    again = call(staff_tracking_client, REFUND, {"id": ret["id"]})

    # a request is not a refund: the return waits for the payment app's report
    assert requested["status"] == "REFUND_REQUESTED"
    assert again["errors"][0]["code"] == "REFUND_IN_PROGRESS"
    transaction = order.payment_transactions.get()
    requests = transaction.events.filter(type=TransactionEventType.REFUND_REQUEST)
    assert [event.amount_value for event in requests] == [shirt.unit_price_gross_amount]
    # Saleor itself keeps the request's key unique on the transaction
    return_pk = Return.objects.get().pk
    assert requests.get().idempotency_key == f"refund:{return_pk}#1"
    assert order.events.filter(type=OrderEvents.TRANSACTION_REFUND_REQUESTED).count() == 1


def test_refunding_before_inspection_is_refused(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    configure_plugin(return_auto_approve=True)
    shirt, _mug = delivered_order.lines.order_by("product_sku")
    ret = call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 1))},
    )

    payload = call(staff_tracking_client, REFUND, {"id": ret["id"]})

    assert payload["errors"][0]["code"] == "INVALID_STATUS"
    assert not ReturnRefund.objects.exists()
    assert not payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND).exists()


def test_items_returned_in_saleor_meanwhile_stop_the_inspection_cleanly(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    # given a received return whose items staff meanwhile returned in Saleor's dashboard
    shirt, _mug = delivered_order.lines.order_by("product_sku")
    ret = call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 3))},
    )
    call_ok(staff_tracking_client, RECEIVE, {"id": ret["id"]})
    delivered_order.fulfillments.get().lines.filter(order_line=shirt).update(quantity=1)

    payload = call(
        staff_tracking_client,
        INSPECT,
        {"id": ret["id"], "lines": inspection(ret, "RESELLABLE")},
    )

    # then staff are told, and neither our return nor Saleor changed
    assert payload["errors"][0]["code"] == "NOT_ENOUGH_FULFILLED"
    assert Return.objects.get().status == "received"
    assert not delivered_order.fulfillments.filter(status="returned").exists()


def test_the_timeline_shows_the_amounts_with_the_currencys_decimals(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE"
    )

    call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})

    record = Return.objects.get(rma=ret["rma"])
    messages = list(
        delivered_order.events.filter(type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION).values_list(
            "parameters__message", flat=True
        )
    )
    refunded = format_money(record.refund_amount, record.currency, "en")  # e.g. $12.30
    assert refunded.count(".") == 1 and len(refunded.split(".")[1]) == 2
    assert f"Return {record.rma} refunded {refunded}" in messages
    assert any(m.startswith(f"Return {record.rma} requested (") and "$" in m for m in messages)


CAPPED = f"""
mutation Refund($id: ID!) {{
  returnRefund(id: $id) {{
    return {{ {RETURN_FIELDS} refundedAmount refundShortfall refundStatus }}
    errors {{ field code message }}
  }}
}}
"""


def test_a_refund_capped_by_the_captured_amount_is_recorded_and_told_as_what_moved(
    delivered_order,
    customer_tracking_client,
    staff_tracking_client,
    payment_txn_captured,
    django_capture_on_commit_callbacks,
):
    # given a shirt to refund, of which the gateway captured only 5.00
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE"
    )
    payment_txn_captured.captured_amount = Decimal("5.00")
    payment_txn_captured.save(update_fields=["captured_amount"])

    with django_capture_on_commit_callbacks(execute=True):
        refunded = call(staff_tracking_client, CAPPED, {"id": ret["id"]})["return"]

    # then 5.00 is refunded, recorded and told; staff and the timeline see the shortfall
    (refund,) = payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND)
    assert refund.amount == Decimal("5.00")
    owed = Decimal(str(refunded["refundAmount"]))
    assert refunded["status"] == "REFUNDED"
    assert Decimal(str(refunded["refundedAmount"])) == Decimal("5.00")
    assert Decimal(str(refunded["refundShortfall"])) == owed - Decimal("5.00") > 0
    assert ReturnRefund.objects.get().amount == Decimal("5.00")
    assert delivered_order.events.filter(parameters__message__icontains="less than the").exists()
    told = format_money(Decimal("5.00"), "USD", "en")
    assert f"we refunded {told} for your return" in mail.outbox[-1].body
