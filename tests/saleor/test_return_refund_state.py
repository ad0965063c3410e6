"""Staff see a return's refund record: its exactly-once status, amount, Saleor's reference and,
when it failed, why."""

from .returns_api import REFUND, call, call_ok, nodes, order_id
from .test_return_refunds import inspected_return

REFUND_STATE = """
query Refund($id: ID!) {
  returns(filter: {orderId: $id}) {
    edges { node { rma refund { status amount currency reference error attempts } } }
  }
}"""


def returns_of(client, order):
    return nodes(call(client, REFUND_STATE, {"id": order_id(order)}))


def test_a_return_has_no_refund_record_before_the_refund(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    inspected_return(delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE")

    [listed] = returns_of(staff_tracking_client, delivered_order)
    assert listed["refund"] is None


def test_a_made_refund_shows_succeeded_with_its_amount_and_saleors_reference(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE"
    )
    refunded = call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})

    [listed] = returns_of(staff_tracking_client, delivered_order)
    refund = listed["refund"]
    assert refund["status"] == "SUCCEEDED"
    assert refund["amount"] == refunded["refundAmount"]
    assert refund["currency"] == delivered_order.currency
    assert refund["reference"] != ""
    assert (refund["error"], refund["attempts"]) == ("", 1)


def test_a_refused_refund_shows_failed_with_the_reason(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    # given the payment was never charged, so Saleor has nothing to refund
    ret = inspected_return(
        delivered_order, customer_tracking_client, staff_tracking_client, "RESELLABLE"
    )
    payment_txn_captured.charge_status = "not-charged"
    payment_txn_captured.save(update_fields=["charge_status"])
    call(staff_tracking_client, REFUND, {"id": ret["id"]})

    [listed] = returns_of(staff_tracking_client, delivered_order)
    assert listed["refund"]["status"] == "FAILED"
    assert listed["refund"]["error"] != ""
