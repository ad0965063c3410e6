"""Crisis broadcasts: staff pick affected parcels, preview who receives the message, prepare it."""

import itertools
from datetime import UTC, datetime

import graphene
import pytest
from django.core import mail
from saleor.account.models import Address
from saleor.order import OrderOrigin, OrderStatus
from saleor.order.models import Order

from saleor_tracking_plugin.delays import broadcasts
from saleor_tracking_plugin.delays.actions import DelayActionError
from saleor_tracking_plugin.delays.models import DelayBroadcast
from saleor_tracking_plugin.delays.selection import BroadcastFilter
from saleor_tracking_plugin.delays.tasks import send_broadcast_chunk_task
from saleor_tracking_plugin.notifications.models import OutboxMessage
from saleor_tracking_plugin.tracking.models import Shipment
from tests.fixtures import tracking_content

PREVIEW = """
query Preview($filter: BroadcastFilterInput!) {
  delayBroadcastPreview(filter: $filter) {
    count
    recipients { orderNumber email carrierCode city }
  }
}
"""

CREATE = """
mutation Create($filter: BroadcastFilterInput!, $message: String!) {
  delayBroadcastCreate(filter: $filter, message: $message) {
    broadcast { id message recipientCount sentAt }
    errors { field code message }
  }
}
"""

_numbers = itertools.count(1000)


def parcel(channel, email, city, carrier="yurtici", shipped=(2026, 11, 20), status="in_transit"):
    """An order shipped to `city` on `shipped` (a date in Istanbul), still on its way."""
    address = Address.objects.create(
        first_name="Ayşe",
        last_name="Kaya",
        street_address_1="Bağdat Caddesi 1",
        city=city,
        country_area="İstanbul" if city == "Kadıköy" else "Ankara",
        postal_code="34710",
        country="TR",
        phone="+905321234567",
    )
    order = Order.objects.create(
        channel=channel,
        user_email=email,
        shipping_address=address,
        billing_address=address.get_copy(),
        status=OrderStatus.FULFILLED,
        origin=OrderOrigin.CHECKOUT,
        lines_count=0,
        language_code="tr",
    )
    shipment = Shipment.objects.create(
        order=order,
        carrier_code=carrier,
        tracking_number=str(next(_numbers)),
        status=status,
    )
    Shipment.objects.filter(pk=shipment.pk).update(created_at=datetime(*shipped, 9, tzinfo=UTC))
    return order


@pytest.fixture
def strike_in_istanbul(channel_USD):
    """Yurtiçi parcels in Kadıköy and Ankara, an Aras parcel, a delivered one, and one customer
    with two affected orders."""
    return {
        "kadikoy": parcel(channel_USD, "ayse@example.com", "Kadıköy"),
        "kadikoy_again": parcel(channel_USD, "AYSE@example.com", "Kadıköy", shipped=(2026, 11, 21)),
        "kadikoy_other": parcel(channel_USD, "mehmet@example.com", "Kadıköy"),
        "ankara": parcel(channel_USD, "zeynep@example.com", "Çankaya"),
        "aras": parcel(channel_USD, "ali@example.com", "Kadıköy", carrier="aras"),
        "delivered": parcel(channel_USD, "can@example.com", "Kadıköy", status="delivered"),
        "last_month": parcel(channel_USD, "ece@example.com", "Kadıköy", shipped=(2026, 10, 1)),
    }


STRIKE = {
    "carrierCodes": ["yurtici"],
    "countryArea": "istanbul",
    "shippedFrom": "2026-11-15",
    "shippedTo": "2026-11-22",
}


def test_the_preview_lists_each_affected_customer_once(staff_tracking_client, strike_in_istanbul):
    content = tracking_content(staff_tracking_client.post_graphql(PREVIEW, {"filter": STRIKE}))

    preview = content["data"]["delayBroadcastPreview"]
    assert preview["count"] == 2
    assert preview["recipients"] == [
        {
            "orderNumber": str(strike_in_istanbul["kadikoy_again"].number),
            "email": "ayse@example.com",
            "carrierCode": "yurtici",
            "city": "Kadıköy",
        },
        {
            "orderNumber": str(strike_in_istanbul["kadikoy_other"].number),
            "email": "mehmet@example.com",
            "carrierCode": "yurtici",
            "city": "Kadıköy",
        },
    ]


def test_a_carrier_given_by_name_and_a_city_filter(staff_tracking_client, strike_in_istanbul):
    content = tracking_content(
        staff_tracking_client.post_graphql(
            PREVIEW, {"filter": {"carrierCodes": ["Aras Kargo"], "city": "kadıköy"}}
        )
    )

    assert [r["email"] for r in content["data"]["delayBroadcastPreview"]["recipients"]] == [
        "ali@example.com"
    ]


def test_preparing_a_broadcast_freezes_its_recipients(staff_tracking_client, strike_in_istanbul):
    content = tracking_content(
        staff_tracking_client.post_graphql(
            CREATE, {"filter": STRIKE, "message": "Yurtiçi Kargo grevi nedeniyle gecikme var."}
        )
    )

    result = content["data"]["delayBroadcastCreate"]
    assert result["errors"] == []
    assert result["broadcast"]["recipientCount"] == 2
    assert result["broadcast"]["sentAt"] is None
    broadcast = DelayBroadcast.objects.get()
    assert broadcast.carrier_codes == ["yurtici"]
    assert sorted(broadcast.recipients.values_list("email", flat=True)) == [
        "ayse@example.com",
        "mehmet@example.com",
    ]


@pytest.mark.parametrize(
    ("variables", "code", "field"),
    [
        ({"filter": STRIKE, "message": "  "}, "REQUIRED", "message"),
        ({"filter": {}, "message": "Gecikme var."}, "REQUIRED", "filter"),
        ({"filter": {"city": "Trabzon"}, "message": "Gecikme var."}, "NO_RECIPIENTS", "filter"),
    ],
)
def test_a_broadcast_needs_a_message_criteria_and_recipients(
    staff_tracking_client, strike_in_istanbul, variables, code, field
):
    content = tracking_content(staff_tracking_client.post_graphql(CREATE, variables))

    [error] = content["data"]["delayBroadcastCreate"]["errors"]
    assert (error["code"], error["field"]) == (code, field)
    assert not DelayBroadcast.objects.exists()


def test_customers_cannot_preview_or_prepare_broadcasts(
    customer_tracking_client, strike_in_istanbul
):
    preview = tracking_content(customer_tracking_client.post_graphql(PREVIEW, {"filter": STRIKE}))
    create = tracking_content(
        customer_tracking_client.post_graphql(CREATE, {"filter": STRIKE, "message": "Hi"})
    )

    assert preview["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert create["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_broadcast_ids_are_global_ids(staff_tracking_client, strike_in_istanbul):
    content = tracking_content(
        staff_tracking_client.post_graphql(CREATE, {"filter": STRIKE, "message": "Gecikme."})
    )

    type_name, pk = graphene.Node.from_global_id(
        content["data"]["delayBroadcastCreate"]["broadcast"]["id"]
    )
    assert (type_name, int(pk)) == ("DelayBroadcast", DelayBroadcast.objects.get().pk)


SEND = """
mutation Send($id: ID!) {
  delayBroadcastSend(id: $id) {
    queued
    broadcast { status queuedCount skippedCount sentAt }
    errors { field code message }
  }
}
"""

PROGRESS = """
query Progress($id: ID!) {
  delayBroadcast(id: $id) {
    status recipientCount queuedCount skippedCount sendingStartedAt sentAt
  }
}
"""


def prepared(client, message="Yurtiçi Kargo grevi nedeniyle teslimatlar 2 gün gecikecek.") -> str:
    content = tracking_content(client.post_graphql(CREATE, {"filter": STRIKE, "message": message}))
    return content["data"]["delayBroadcastCreate"]["broadcast"]["id"]


def broadcast_messages():
    return OutboxMessage.objects.filter(message_type="delay_broadcast")


def test_sending_answers_before_any_message_is_queued_and_the_worker_queues_them_after(
    staff_tracking_client, strike_in_istanbul
):
    broadcast_id = prepared(staff_tracking_client)

    # when staff send it (Saleor's test client runs the request's on-commit callbacks, here the
    # worker's task in eager Celery, after the response is made, as a commit would)
    sent = tracking_content(staff_tracking_client.post_graphql(SEND, {"id": broadcast_id}))

    # then the answer came while nothing was queued yet
    result = sent["data"]["delayBroadcastSend"]
    assert result["errors"] == []
    assert result["broadcast"] == {
        "status": "SENDING",
        "queuedCount": 0,
        "skippedCount": 0,
        "sentAt": None,
    }
    assert result["queued"] == 0
    # and the worker queued one message per customer after commit
    assert broadcast_messages().count() == 2


def test_a_sent_broadcast_reaches_each_affected_customer_exactly_once(
    staff_tracking_client, strike_in_istanbul
):
    broadcast_id = prepared(staff_tracking_client)

    # when staff send it and the worker has run
    staff_tracking_client.post_graphql(SEND, {"id": broadcast_id})
    progress = tracking_content(staff_tracking_client.post_graphql(PROGRESS, {"id": broadcast_id}))

    broadcast = progress["data"]["delayBroadcast"]
    assert broadcast["status"] == "SENT"
    assert broadcast["sentAt"] and broadcast["sendingStartedAt"]
    assert (broadcast["recipientCount"], broadcast["queuedCount"], broadcast["skippedCount"]) == (
        2,
        2,
        0,
    )
    messages = broadcast_messages()
    assert sorted(messages.values_list("recipient", flat=True)) == [
        "ayse@example.com",
        "mehmet@example.com",
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["ayse@example.com", "mehmet@example.com"]
    body = messages.get(recipient="mehmet@example.com").body
    assert body.startswith(
        "Sayın Ayşe Kaya, Yurtiçi Kargo grevi nedeniyle teslimatlar 2 gün gecikecek."
    )


def test_sending_a_broadcast_still_being_sent_is_refused(
    staff_tracking_client, strike_in_istanbul, django_capture_on_commit_callbacks
):
    broadcast_id = prepared(staff_tracking_client)
    # the first send's task is not picked up yet
    with django_capture_on_commit_callbacks(execute=False) as first_task:
        broadcasts.start_sending(DelayBroadcast.objects.get().pk)

    again = tracking_content(staff_tracking_client.post_graphql(SEND, {"id": broadcast_id}))

    assert again["data"]["delayBroadcastSend"]["errors"] == [
        {"field": "id", "code": "ALREADY_SENDING", "message": "This broadcast is being sent."}
    ]
    assert len(first_task) == 1
    assert not broadcast_messages().exists()


def test_sending_a_sent_broadcast_again_is_refused_and_queues_nothing(
    staff_tracking_client, strike_in_istanbul, django_capture_on_commit_callbacks
):
    broadcast_id = prepared(staff_tracking_client)
    staff_tracking_client.post_graphql(SEND, {"id": broadcast_id})

    with django_capture_on_commit_callbacks(execute=False) as second_task:
        again = tracking_content(staff_tracking_client.post_graphql(SEND, {"id": broadcast_id}))

    assert again["data"]["delayBroadcastSend"]["errors"] == [
        {"field": "id", "code": "ALREADY_SENT", "message": "This broadcast has already been sent."}
    ]
    assert second_task == []
    assert broadcast_messages().count() == 2


def test_sending_an_unknown_broadcast_is_refused(staff_tracking_client, strike_in_istanbul):
    missing = graphene.Node.to_global_id("DelayBroadcast", 404)

    sent = tracking_content(staff_tracking_client.post_graphql(SEND, {"id": missing}))

    assert sent["data"]["delayBroadcastSend"]["errors"] == [
        {"field": "id", "code": "NOT_FOUND", "message": "Broadcast not found."}
    ]


def test_a_broadcast_is_sent_once_and_each_customer_hears_it_once(strike_in_istanbul):
    broadcast = broadcasts.create_broadcast(BroadcastFilter(carrier_codes=("yurtici",)), "Grev.")

    broadcasts.start_sending(broadcast.pk)
    send_broadcast_chunk_task(broadcast.pk)
    with pytest.raises(DelayActionError):
        broadcasts.start_sending(broadcast.pk)

    # one per customer, although ayse@ has two affected orders
    assert OutboxMessage.objects.filter(message_type="delay_broadcast").count() == 4
    assert OutboxMessage.objects.filter(recipient="ayse@example.com").count() == 1
