"""`return_receive_on_delivery`: a return parcel the carrier reports delivered back to the shop
counts as received, once, when the merchant trusts the carrier's scans; otherwise staff
receive it. The report comes the way carriers' reports come: a signed AfterShip webhook."""

import json

import pytest
from freezegun import freeze_time
from saleor.order import FulfillmentStatus

from saleor_tracking_plugin.aggregators.tasks import apply_webhook_inbox_task
from saleor_tracking_plugin.graphql.core import global_id
from saleor_tracking_plugin.notifications.models import OutboxMessage
from saleor_tracking_plugin.returns.messages import RETURN_RECEIVED
from saleor_tracking_plugin.returns.models import Return
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from .carrier_helpers import shipment_for, timeline
from .helpers import configure_plugin
from .returns_api import (
    RECEIVE,
    REQUEST_RETURN,
    SET_TRACKING,
    call,
    call_ok,
    order_id,
    request_input,
)
from .test_aggregator_webhooks import (
    AFTERSHIP_URL,
    SECRET,
    aftership_delivery,
    aftership_signature,
    post,
)

RETURN_PARCEL = "305799887766"
# The recorded AfterShip update scans the parcel on 18 and delivers it on 20 November 2026:
# returns are requested between the two.
REQUESTED_AT = "2026-11-19 09:00:00"


@pytest.fixture(autouse=True)
def clock():
    """The clock of every test here, fixtures included (autouse fixtures come first)."""
    with freeze_time(REQUESTED_AT, tick=True):
        yield


@pytest.fixture
def approved_return(delivered_order, customer_tracking_client) -> dict:
    """One shirt of `delivered_order` to return, approved at once (the API's `return`)."""
    configure_plugin(aftership_webhook_secret=SECRET)
    shirt, _mug = delivered_order.lines.order_by("product_sku")
    return call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 1))},
    )


@pytest.fixture
def return_on_its_way(approved_return, delivered_order, customer_tracking_client) -> Return:
    """The approved return on its way back, its parcel tracked at Yurtiçi."""
    call_ok(
        customer_tracking_client,
        SET_TRACKING,
        {
            "id": order_id(delivered_order),
            "returnId": approved_return["id"],
            "trackingNumber": RETURN_PARCEL,
        },
    )
    shipped_back = Return.objects.get()
    assert shipped_back.status == "shipped_back"
    return shipped_back


@pytest.fixture
def carrier_reports(client, django_capture_on_commit_callbacks):
    """The carrier reports a parcel delivered through AfterShip's signed webhook; the inbox
    task its commit starts applies it (Celery runs eagerly here), unless `wait` keeps it in
    the inbox for a later run."""

    def report(number: str, event_id: str, delivered_at: str = "", wait: bool = False) -> None:
        body = aftership_delivery(event_id=event_id, tracking_number=number)
        if delivered_at:
            update = json.loads(body)
            update["msg"]["checkpoints"][-1]["checkpoint_time"] = delivered_at
            body = json.dumps(update).encode()
        with django_capture_on_commit_callbacks(execute=not wait):
            response = post(
                client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
            )
        assert response.json() == {"status": "accepted"}

    return report


def received_entries(ret: Return) -> list[str]:
    return [m for m in timeline(ret.order) if m == f"Return {ret.rma} received"]


def test_a_return_parcel_delivered_back_is_received_once_when_the_merchant_trusts_scans(
    return_on_its_way, carrier_reports
):
    # given the merchant counts a return parcel delivered back as received
    configure_plugin(return_receive_on_delivery=True)
    ret = return_on_its_way

    # when the carrier reports the parcel delivered, and reports it again (another delivery)
    carrier_reports(RETURN_PARCEL, event_id="return-delivered-1")
    carrier_reports(RETURN_PARCEL, event_id="return-delivered-2")

    # then the return is received, once: one timeline entry in Saleor, one customer message
    ret.refresh_from_db()
    assert ret.return_shipment.status == ShipmentStatus.DELIVERED
    assert ret.status == "received"
    assert ret.received_at is not None
    assert len(received_entries(ret)) == 1
    assert OutboxMessage.objects.filter(order=ret.order, message_type=RETURN_RECEIVED).count() == 1
    # and, as when staff receive it, Saleor takes nothing back before staff inspect the items
    assert not ret.order.fulfillments.filter(status=FulfillmentStatus.RETURNED).exists()
    assert ret.refund_amount is None


def test_two_reports_of_the_delivery_applied_in_one_inbox_run_receive_the_return_once(
    return_on_its_way, carrier_reports, django_capture_on_commit_callbacks
):
    # given scans are trusted, and two reports of the delivery wait in the webhook inbox
    configure_plugin(return_receive_on_delivery=True)
    ret = return_on_its_way
    carrier_reports(RETURN_PARCEL, event_id="return-delivered-1", wait=True)
    carrier_reports(RETURN_PARCEL, event_id="return-delivered-2", wait=True)

    # when one run of the inbox task applies both
    with django_capture_on_commit_callbacks(execute=True):
        assert apply_webhook_inbox_task() == 2

    # then the return is received once
    ret.refresh_from_db()
    assert ret.status == "received"
    assert len(received_entries(ret)) == 1
    assert OutboxMessage.objects.filter(order=ret.order, message_type=RETURN_RECEIVED).count() == 1


def test_with_the_setting_off_a_delivered_return_parcel_waits_for_staff(
    return_on_its_way, carrier_reports, staff_tracking_client
):
    # given the merchant does not trust scans (the default)
    ret = return_on_its_way

    # when the carrier reports the return parcel delivered
    carrier_reports(RETURN_PARCEL, event_id="return-delivered")

    # then the return still waits for staff, and nobody was told it arrived
    ret.refresh_from_db()
    assert ret.return_shipment.status == ShipmentStatus.DELIVERED
    assert ret.status == "shipped_back"
    assert received_entries(ret) == []
    assert not OutboxMessage.objects.filter(message_type=RETURN_RECEIVED).exists()
    # and staff receive it themselves
    received = call_ok(staff_tracking_client, RECEIVE, {"id": global_id("Return", ret.pk)})
    assert received["status"] == "RECEIVED"


def test_an_outbound_parcel_delivered_does_not_touch_returns(return_on_its_way, carrier_reports):
    # given scans are trusted, and a second parcel of the order is still on its way to the
    # customer
    configure_plugin(return_receive_on_delivery=True)
    ret = return_on_its_way
    second_parcel = shipment_for(ret.order, "yurtici", "305711112222", ShipmentStatus.IN_TRANSIT)

    # when the carrier reports that parcel delivered to the customer
    carrier_reports("305711112222", event_id="outbound-delivered")

    # then the parcel is delivered and the return still waits for its own parcel
    second_parcel.refresh_from_db()
    assert second_parcel.status == ShipmentStatus.DELIVERED
    ret.refresh_from_db()
    assert ret.status == "shipped_back"
    assert received_entries(ret) == []


def test_the_outbound_parcels_number_cannot_become_the_return_parcels(
    approved_return, delivered_order, customer_tracking_client, carrier_reports
):
    # given scans are trusted and a return is approved; the order's parcel (305712345678)
    # reached the customer
    configure_plugin(return_receive_on_delivery=True)
    ret = approved_return

    # when the customer enters that parcel's number (copied from the shipped message) as the
    # return parcel's
    refused = call(
        customer_tracking_client,
        SET_TRACKING,
        {"id": order_id(delivered_order), "returnId": ret["id"], "trackingNumber": "305712345678"},
    )

    # then it is refused, saying why, and its delivery reported again receives nothing
    [error] = refused["errors"]
    assert (error["code"], error["field"]) == ("OUTBOUND_TRACKING_NUMBER", "trackingNumber")
    carrier_reports("305712345678", event_id="outbound-delivered-again")
    unchanged = Return.objects.get()
    assert unchanged.status == "approved"
    assert unchanged.return_shipment is None


def test_a_delivery_scanned_before_the_return_was_requested_is_not_its_parcel(
    return_on_its_way, carrier_reports
):
    # given scans are trusted, and the number entered for the return parcel is one the
    # carrier delivered a week before the return was requested (another order's parcel)
    configure_plugin(return_receive_on_delivery=True)
    ret = return_on_its_way

    # when the carrier reports that delivery
    carrier_reports(
        RETURN_PARCEL, event_id="old-delivery", delivered_at="2026-11-12T14:30:00+03:00"
    )

    # then the return still waits for staff, who read on the timeline why
    ret.refresh_from_db()
    assert ret.return_shipment.status == ShipmentStatus.DELIVERED
    assert ret.status == "shipped_back"
    assert (
        f"Return {ret.rma}: {RETURN_PARCEL} was delivered on 2026-11-12, before the return was "
        "requested; not counted as received"
    ) in timeline(ret.order)
