"""What the customer hears about a return: the request (approved at once or not) and the parcel
on its way back."""

from django.core import mail
from django.utils import timezone
from django.utils.translation import override

from saleor_tracking_plugin.notifications.models import OutboxMessage
from saleor_tracking_plugin.returns.models import Return
from saleor_tracking_plugin.tracking.actions import record_events
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from .helpers import configure_plugin
from .returns_api import REQUEST_RETURN, SET_TRACKING, call_ok, order_id, request_input


def request_one_shirt(order, client, capture) -> dict:
    shirt = order.lines.get(product_sku="SKU_AA")
    with capture(execute=True):
        return call_ok(
            client,
            REQUEST_RETURN,
            {"id": order_id(order), "input": request_input((shirt, 1))},
        )


def test_a_request_approved_at_once_gets_one_return_requested_message_saying_both(
    delivered_order, customer_tracking_client, django_capture_on_commit_callbacks
):
    configure_plugin(return_auto_approve=True)

    ret = request_one_shirt(
        delivered_order, customer_tracking_client, django_capture_on_commit_callbacks
    )

    assert ret["status"] == "APPROVED"
    types = OutboxMessage.objects.values_list("message_type", flat=True).distinct()
    assert list(types) == ["return_requested"]
    (email,) = mail.outbox
    assert email.subject == f"We received your return request {ret['rma']}"
    assert f"we received your return request {ret['rma']} for order" in email.body
    assert "and approved it" in email.body
    assert "We will answer within 48 hours" not in email.body


def test_a_request_waiting_for_staff_says_when_they_will_answer(
    delivered_order, customer_tracking_client, django_capture_on_commit_callbacks
):
    configure_plugin(return_auto_approve=False)

    ret = request_one_shirt(
        delivered_order, customer_tracking_client, django_capture_on_commit_callbacks
    )

    assert ret["status"] == "REQUESTED"
    (email,) = mail.outbox
    assert "We will answer within 48 hours" in email.body
    assert "approved" not in email.body


def test_the_customer_hears_once_when_the_carrier_picks_up_the_return_parcel(
    delivered_order, customer_tracking_client, django_capture_on_commit_callbacks
):
    # given an approved return whose parcel has a tracking number
    configure_plugin(return_auto_approve=True)
    ret = request_one_shirt(
        delivered_order, customer_tracking_client, django_capture_on_commit_callbacks
    )
    call_ok(
        customer_tracking_client,
        SET_TRACKING,
        {"id": order_id(delivered_order), "returnId": ret["id"], "trackingNumber": "305799887766"},
    )
    parcel = Return.objects.get().return_shipment
    sent_before = len(mail.outbox)

    # when the carrier scans it, then scans it again
    for place in ("Kadıköy", "Tuzla aktarma"):
        with django_capture_on_commit_callbacks(execute=True):
            record_events(
                parcel.pk,
                [TrackingEventData(timezone.now(), ShipmentStatus.IN_TRANSIT, "Yolda", place)],
                source="yurtici",
            )

    # then one message says it is on its way back
    new = mail.outbox[sent_before:]
    assert [email.subject for email in new] == [
        f"Your return parcel {ret['rma']} is on its way to us"
    ]
    assert "/pages/return/?t=" in new[0].body


def test_the_return_parcel_message_has_turkish_text():
    from saleor_tracking_plugin.returns.messages import MESSAGE_TYPES

    (in_transit,) = [t for t in MESSAGE_TYPES if t.code == "return_parcel_in_transit"]
    with override("tr"):
        assert str(in_transit.subject) == "{return_code} numaralı iade paketiniz bize doğru yolda"
        assert "bize doğru yolda" in str(in_transit.body[0])
