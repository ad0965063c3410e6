"""Staff work through returns with MANAGE_ORDERS: list, filter, decide; overdue ones are flagged."""

from datetime import timedelta
from decimal import Decimal

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from saleor.order import OrderEvents

from saleor_tracking_plugin.returns.models import Return, ReturnRefund
from saleor_tracking_plugin.returns.tasks import flag_overdue_returns_task
from saleor_tracking_plugin.tracking.actions import record_events
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from .helpers import configure_plugin
from .returns_api import (
    APPROVE,
    REJECT,
    REQUEST_RETURN,
    RETURN_FIELDS,
    RETURNS,
    SET_TRACKING,
    call,
    call_ok,
    nodes,
    order_id,
    request_input,
)


def requested(order, client, *line_quantities, reason="SIZE") -> dict:
    return call_ok(
        client,
        REQUEST_RETURN,
        {"id": order_id(order), "input": request_input(*line_quantities, reason=reason)},
    )


def test_staff_list_and_filter_returns(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    configure_plugin(return_auto_approve=False)
    shirt, mug = delivered_order.lines.order_by("product_sku")
    old = requested(delivered_order, customer_tracking_client, (shirt, 1), reason="SIZE")
    new = requested(delivered_order, customer_tracking_client, (mug, 1), reason="DEFECTIVE")
    Return.objects.filter(rma=old["rma"]).update(created_at=timezone.now() - timedelta(hours=30))
    call_ok(staff_tracking_client, APPROVE, {"id": new["id"]})

    def rmas(filter):
        page = call(staff_tracking_client, RETURNS, {"filter": filter})
        return [r["rma"] for r in nodes(page)]

    assert rmas({}) == [new["rma"], old["rma"]]
    assert rmas({"status": ["REQUESTED"]}) == [old["rma"]]
    assert rmas({"reason": ["DEFECTIVE"]}) == [new["rma"]]
    assert rmas({"overdue": True}) == [old["rma"]]
    assert rmas({"overdue": False}) == [new["rma"]]
    assert rmas({"olderThanHours": 24}) == [old["rma"]]
    assert rmas({"newerThanHours": 24}) == [new["rma"]]
    assert rmas({"orderId": order_id(delivered_order)}) == [new["rma"], old["rma"]]
    overdue = nodes(call(staff_tracking_client, RETURNS, {"filter": {"status": ["REQUESTED"]}}))
    assert overdue[0]["isOverdue"] is True


RETURNS_WITH_ORDER = RETURNS.replace(
    RETURN_FIELDS, RETURN_FIELDS + " orderNumber lines { productName sku }"
)


def page_queries(client) -> tuple[int, list[dict]]:
    with CaptureQueriesContext(connection) as captured:
        page = call(client, RETURNS_WITH_ORDER, {})
    return len(captured), nodes(page)


def test_the_returns_list_reads_what_it_shows_of_each_order_in_its_page_query(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    # given one return, then a second one
    configure_plugin(return_auto_approve=False)
    shirt, mug = delivered_order.lines.order_by("product_sku")
    requested(delivered_order, customer_tracking_client, (shirt, 1))
    one_row_queries, _ = page_queries(staff_tracking_client)
    requested(delivered_order, customer_tracking_client, (mug, 1))

    # when staff list them with the order's number, the return page, the instructions and
    # the product of each line
    two_rows_queries, rows = page_queries(staff_tracking_client)

    # then the order's and lines' columns came with the page, not with a query per row
    assert two_rows_queries == one_row_queries
    assert [row["orderNumber"] for row in rows] == [str(delivered_order.number)] * 2
    assert sorted(row["lines"][0]["sku"] for row in rows) == [shirt.product_sku, mug.product_sku]
    assert all(row["lines"][0]["productName"] for row in rows)
    assert all(row["returnPageUrl"] and row["instructions"]["text"] for row in rows)


RETURNS_WITH_REFUNDS = """
query Returns {
  returns(first: 10) {
    edges { node { rma refundStatus refundAttempts refundReference refund { amount } } }
  }
}
"""

RETURNS_WITH_LINES_IN_A_FRAGMENT = """
query Returns {
  returns(first: 10) { edges { node { ...Shown } } }
}
fragment Shown on Return { rma ... on Return { lines { productName quantity } } }
"""


def refunded(ret: Return, reference: str) -> None:
    ReturnRefund.objects.create(
        idempotency_key=f"refund:{ret.pk}",
        return_request=ret,
        resolution="refund",
        amount=Decimal("10.000"),
        currency="USD",
        status="succeeded",
        saleor_reference=reference,
        attempts=1,
    )


def test_the_returns_list_reads_refund_records_of_a_whole_page_in_one_query(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    # given one return with its refund record, then a second one
    configure_plugin(return_auto_approve=False)
    shirt, mug = delivered_order.lines.order_by("product_sku")
    first = requested(delivered_order, customer_tracking_client, (shirt, 1))
    refunded(Return.objects.get(rma=first["rma"]), "txn-1")
    with CaptureQueriesContext(connection) as one_row:
        call(staff_tracking_client, RETURNS_WITH_REFUNDS, {})
    second = requested(delivered_order, customer_tracking_client, (mug, 1))
    refunded(Return.objects.get(rma=second["rma"]), "txn-2")

    # when staff list them with their refunds
    with CaptureQueriesContext(connection) as two_rows:
        rows = nodes(call(staff_tracking_client, RETURNS_WITH_REFUNDS, {}))

    # then each shows its own record, and the page read them in the same number of queries
    assert len(two_rows) == len(one_row)
    assert [(row["refundStatus"], row["refundReference"]) for row in rows] == [
        ("SUCCEEDED", "txn-2"),
        ("SUCCEEDED", "txn-1"),
    ]
    assert [(row["refundAttempts"], row["refund"]["amount"]) for row in rows] == [(1, "10.000")] * 2


def test_lines_asked_through_fragments_come_with_the_page(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    # given two returns of one line each
    configure_plugin(return_auto_approve=False)
    shirt, mug = delivered_order.lines.order_by("product_sku")
    requested(delivered_order, customer_tracking_client, (shirt, 1))
    requested(delivered_order, customer_tracking_client, (mug, 1))

    # when staff ask their lines inside a fragment and an inline fragment
    rows = nodes(call(staff_tracking_client, RETURNS_WITH_LINES_IN_A_FRAGMENT, {}))

    # then every return shows its line's product
    assert sorted(row["lines"][0]["productName"] for row in rows) == sorted(
        [shirt.product_name, mug.product_name]
    )


def test_customers_and_staff_without_permission_cannot_list_returns(
    customer_tracking_client, staff_without_orders_tracking_client
):
    for client in (customer_tracking_client, staff_without_orders_tracking_client):
        response = client.post_graphql(RETURNS, {})
        assert response.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_customers_cannot_approve_their_own_returns(delivered_order, customer_tracking_client):
    configure_plugin(return_auto_approve=False)
    shirt, _mug = delivered_order.lines.order_by("product_sku")
    ret = requested(delivered_order, customer_tracking_client, (shirt, 1))

    response = customer_tracking_client.post_graphql(APPROVE, {"id": ret["id"]})

    assert response.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert Return.objects.get().status == "requested"


def test_a_rejection_needs_a_reason_and_tells_it(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    configure_plugin(return_auto_approve=False)
    delivered_order.language_code = "tr"
    delivered_order.save(update_fields=["language_code"])
    shirt, _mug = delivered_order.lines.order_by("product_sku")
    ret = requested(delivered_order, customer_tracking_client, (shirt, 1))

    empty = call(staff_tracking_client, REJECT, {"id": ret["id"], "reason": " "})
    rejected = call_ok(
        staff_tracking_client, REJECT, {"id": ret["id"], "reason": "Worn and washed"}
    )

    assert (empty["errors"][0]["code"], empty["errors"][0]["field"]) == ("REQUIRED", "reason")
    assert rejected["status"] == "REJECTED"
    assert rejected["decisionNote"] == "Worn and washed"
    # and the customer is told why, in the order's language
    rejection = mail.outbox[-1]
    assert rejection.subject == f"{ret['rma']} numaralı iade talebiniz hakkında"
    assert "iadenizi kabul edemiyoruz. Nedeni: Worn and washed" in rejection.body
    # and the items can be requested again later, e.g. after a mistake
    again = requested(delivered_order, customer_tracking_client, (shirt, 3))
    assert again["status"] == "REQUESTED"


def test_requests_waiting_over_a_day_are_flagged_to_staff_once(
    delivered_order, customer_tracking_client
):
    configure_plugin(return_auto_approve=False, return_decision_hours=24)
    shirt, mug = delivered_order.lines.order_by("product_sku")
    waiting = requested(delivered_order, customer_tracking_client, (shirt, 1))
    requested(delivered_order, customer_tracking_client, (mug, 1))
    Return.objects.filter(rma=waiting["rma"]).update(
        created_at=timezone.now() - timedelta(hours=25)
    )

    assert flag_overdue_returns_task.delay().get() == 1
    assert flag_overdue_returns_task.delay().get() == 0

    flagged = Return.objects.get(rma=waiting["rma"])
    assert flagged.overdue_flagged_at is not None
    notes = delivered_order.events.filter(
        type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION,
        parameters__message__startswith=f"Return {waiting['rma']} is waiting",
    )
    assert notes.count() == 1


def test_a_return_parcel_delivered_back_counts_as_received_when_the_merchant_trusts_scans(
    delivered_order, customer_tracking_client, django_capture_on_commit_callbacks
):
    configure_plugin(return_receive_on_delivery=True)
    shirt, _mug = delivered_order.lines.order_by("product_sku")
    ret = requested(delivered_order, customer_tracking_client, (shirt, 1))
    call_ok(
        customer_tracking_client,
        SET_TRACKING,
        {"id": order_id(delivered_order), "returnId": ret["id"], "trackingNumber": "305799887766"},
    )
    parcel = Return.objects.get().return_shipment

    # when the carrier reports the return parcel delivered to the shop
    with django_capture_on_commit_callbacks(execute=True):
        record_events(
            parcel.pk,
            [TrackingEventData(timezone.now(), ShipmentStatus.DELIVERED, "Teslim edildi", "Tuzla")],
            source="yurtici",
        )

    # then the return is received and the customer told so
    assert Return.objects.get().status == "received"
    assert mail.outbox[-1].subject == f"Your returned parcel {ret['rma']} has arrived"


def test_without_trust_in_scans_staff_still_mark_returns_received(
    delivered_order, customer_tracking_client, django_capture_on_commit_callbacks
):
    shirt, _mug = delivered_order.lines.order_by("product_sku")
    ret = requested(delivered_order, customer_tracking_client, (shirt, 1))
    call_ok(
        customer_tracking_client,
        SET_TRACKING,
        {"id": order_id(delivered_order), "returnId": ret["id"], "trackingNumber": "305799887766"},
    )
    parcel = Return.objects.get().return_shipment

    with django_capture_on_commit_callbacks(execute=True):
        record_events(
            parcel.pk,
            [TrackingEventData(timezone.now(), ShipmentStatus.DELIVERED, "Teslim edildi", "")],
            source="yurtici",
        )

    assert Return.objects.get().status == "shipped_back"
