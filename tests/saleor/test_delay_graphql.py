"""Staff GraphQL of delays: the call list with choices, and logging call outcomes."""

from datetime import timedelta

import graphene
import pytest
from django.utils import timezone
from saleor.order import OrderEvents, OrderStatus

from saleor_tracking_plugin.delays import actions
from saleor_tracking_plugin.delays.models import DelayCall, DelayRefund, OrderDelay, RefundStatus
from saleor_tracking_plugin.delays.rules import DelayChoice
from tests.fixtures import tracking_content

from .returns_api import nodes

CALL_LIST = """
query CallList($includeResolved: Boolean) {
  delayCallList(includeResolved: $includeResolved) {
    edges { node {
      id orderId orderNumber customerName phone email daysLate newEstimate
      causes { cause daysLate detectedAt }
      choice chosenAt updatesConsent
      calls { outcome note calledBy }
    } }
  }
}
"""

ORDER_DELAY = """
query OrderDelay($orderId: ID!) {
  orderDelay(orderId: $orderId) { orderNumber choice updatesConsent causes { cause } }
}
"""

CALL_LOG = """
mutation Log($delayId: ID!, $outcome: DelayCallOutcome!, $note: String) {
  delayCallLog(delayId: $delayId, outcome: $outcome, note: $note) {
    delay { calls { outcome note calledBy } }
    errors { field code message }
  }
}
"""


@pytest.fixture
def late_order(order_with_lines):
    order_with_lines.created_at = timezone.now() - timedelta(days=21)
    order_with_lines.status = OrderStatus.UNFULFILLED
    order_with_lines.save(update_fields=["created_at", "status"])
    actions.detect_order_delays(order_with_lines.pk)
    return order_with_lines


def delay_id(order) -> str:
    return graphene.Node.to_global_id("OrderDelay", OrderDelay.objects.get(order=order).pk)


def test_staff_see_the_call_list_with_phone_cause_days_late_and_choice(
    staff_tracking_client, late_order
):
    actions.choose(OrderDelay.objects.get().pk, DelayChoice.CHASE, updates_consent=True)

    content = tracking_content(staff_tracking_client.post_graphql(CALL_LIST))

    [entry] = nodes(content["data"]["delayCallList"])
    assert entry["orderNumber"] == str(late_order.number)
    assert entry["phone"] == str(late_order.shipping_address.phone)
    assert entry["email"] == late_order.user_email
    assert entry["customerName"]
    assert [c["cause"] for c in entry["causes"]] == ["NOT_SHIPPED"]
    assert entry["daysLate"] == entry["causes"][0]["daysLate"] > 0
    assert entry["choice"] == "CHASE"
    assert entry["updatesConsent"] is True


def test_the_most_late_orders_come_first_and_resolved_ones_leave_the_list(
    staff_tracking_client, late_order, order_list
):
    now = timezone.now()
    much_later = OrderDelay.objects.create(order=order_list[0], opened_at=now)
    much_later.causes.create(cause="no_scan", detected_at=now, days_late=30)
    delivered = OrderDelay.objects.create(
        order=order_list[1], opened_at=now, resolved_at=now, resolution="delivered"
    )
    delivered.causes.create(cause="estimate_passed", detected_at=now, days_late=50)

    open_list = tracking_content(staff_tracking_client.post_graphql(CALL_LIST))
    everything = tracking_content(
        staff_tracking_client.post_graphql(CALL_LIST, {"includeResolved": True})
    )

    numbers = [str(order_list[0].number), str(late_order.number)]
    assert [e["orderNumber"] for e in nodes(open_list["data"]["delayCallList"])] == numbers
    assert [e["orderNumber"] for e in nodes(everything["data"]["delayCallList"])] == [
        str(order_list[1].number),
        *numbers,
    ]


def test_staff_see_the_choice_of_one_order(staff_tracking_client, late_order):
    actions.choose(OrderDelay.objects.get().pk, DelayChoice.WAIT, updates_consent=False)

    content = tracking_content(
        staff_tracking_client.post_graphql(
            ORDER_DELAY, {"orderId": graphene.Node.to_global_id("Order", late_order.pk)}
        )
    )

    assert content["data"]["orderDelay"] == {
        "orderNumber": str(late_order.number),
        "choice": "WAIT",
        "updatesConsent": False,
        "causes": [{"cause": "NOT_SHIPPED"}],
    }


def test_staff_log_a_call_outcome(staff_tracking_client, staff_user, late_order):
    content = tracking_content(
        staff_tracking_client.post_graphql(
            CALL_LOG,
            {"delayId": delay_id(late_order), "outcome": "REACHED", "note": "Will wait."},
        )
    )

    result = content["data"]["delayCallLog"]
    assert result["errors"] == []
    assert result["delay"]["calls"] == [
        {"outcome": "REACHED", "note": "Will wait.", "calledBy": staff_user.email}
    ]
    event = late_order.events.filter(type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION).last()
    assert event.parameters["message"] == "Delay call: reached - Will wait."
    assert event.user == staff_user


def test_logging_a_call_on_an_unknown_delay_is_a_typed_error(staff_tracking_client):
    content = tracking_content(
        staff_tracking_client.post_graphql(
            CALL_LOG,
            {"delayId": graphene.Node.to_global_id("OrderDelay", 999999), "outcome": "NO_ANSWER"},
        )
    )

    assert content["data"]["delayCallLog"]["errors"] == [
        {"field": "delayId", "code": "NOT_FOUND", "message": "Delay not found."}
    ]


def test_customers_cannot_read_the_call_list_or_log_calls(customer_tracking_client, late_order):
    listing = tracking_content(customer_tracking_client.post_graphql(CALL_LIST))
    logging = tracking_content(
        customer_tracking_client.post_graphql(
            CALL_LOG, {"delayId": delay_id(late_order), "outcome": "REACHED"}
        )
    )

    assert listing["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert logging["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert not DelayCall.objects.exists()


def test_apps_with_manage_orders_can_log_calls(app_tracking_client, app, late_order):
    content = tracking_content(
        app_tracking_client.post_graphql(
            CALL_LOG, {"delayId": delay_id(late_order), "outcome": "VOICEMAIL"}
        )
    )

    assert content["data"]["delayCallLog"]["delay"]["calls"] == [
        {"outcome": "VOICEMAIL", "note": "", "calledBy": app.name}
    ]


def test_a_cancelled_order_whose_refund_failed_stays_on_the_call_list(
    staff_tracking_client, late_order
):
    delay = OrderDelay.objects.get()
    OrderDelay.objects.filter(pk=delay.pk).update(
        choice=DelayChoice.CANCEL, resolved_at=timezone.now(), resolution="cancelled"
    )
    DelayRefund.objects.create(
        delay=delay,
        idempotency_key=f"refund:delay:{delay.pk}",
        status=RefundStatus.FAILED,
        detail="Card expired",
    )
    query = (
        "{ delayCallList { edges { node { orderNumber choice "
        "refund { status detail idempotencyKey } } } } }"
    )

    content = tracking_content(staff_tracking_client.post_graphql(query))

    assert nodes(content["data"]["delayCallList"]) == [
        {
            "orderNumber": str(late_order.number),
            "choice": "CANCEL",
            "refund": {
                "status": "FAILED",
                "detail": "Card expired",
                "idempotencyKey": f"refund:delay:{delay.pk}",
            },
        }
    ]
