"""Crisis broadcasts: staff pick affected parcels, preview who receives the message, prepare it."""

import itertools
from datetime import UTC, datetime

import graphene
import pytest
from django.core import mail
from saleor.account.models import Address
from saleor.order import OrderOrigin, OrderStatus
from saleor.order.models import Order

from saleor_tracking_plugin.delays import actions
from saleor_tracking_plugin.delays.models import DelayBroadcast
from saleor_tracking_plugin.delays.selection import BroadcastFilter
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
    broadcast { sentAt }
    errors { field code message }
  }
}
"""


def prepared(client, message="Yurtiçi Kargo grevi nedeniyle teslimatlar 2 gün gecikecek.") -> str:
    content = tracking_content(client.post_graphql(CREATE, {"filter": STRIKE, "message": message}))
    return content["data"]["delayBroadcastCreate"]["broadcast"]["id"]


def test_a_sent_broadcast_reaches_each_affected_customer_exactly_once(
    staff_tracking_client, strike_in_istanbul, django_capture_on_commit_callbacks
):
    broadcast_id = prepared(staff_tracking_client)

    with django_capture_on_commit_callbacks(execute=True):
        first = tracking_content(staff_tracking_client.post_graphql(SEND, {"id": broadcast_id}))
    again = tracking_content(staff_tracking_client.post_graphql(SEND, {"id": broadcast_id}))

    assert first["data"]["delayBroadcastSend"]["queued"] == 2
    assert first["data"]["delayBroadcastSend"]["broadcast"]["sentAt"]
    assert again["data"]["delayBroadcastSend"]["errors"] == [
        {"field": "id", "code": "ALREADY_SENT", "message": "This broadcast has already been sent."}
    ]
    messages = OutboxMessage.objects.filter(message_type="delay_broadcast")
    assert sorted(messages.values_list("recipient", flat=True)) == [
        "ayse@example.com",
        "mehmet@example.com",
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["ayse@example.com", "mehmet@example.com"]
    body = messages.get(recipient="mehmet@example.com").body
    assert body.startswith(
        "Sayın Ayşe Kaya, Yurtiçi Kargo grevi nedeniyle teslimatlar 2 gün gecikecek."
    )


def test_a_broadcast_is_sent_once_and_each_customer_hears_it_once(
    strike_in_istanbul,
):
    broadcast = actions.create_broadcast(BroadcastFilter(carrier_codes=("yurtici",)), "Grev.")

    actions.send_broadcast(broadcast.pk)
    with pytest.raises(actions.DelayActionError):
        actions.send_broadcast(broadcast.pk)

    # one per customer, although ayse@ has two affected orders
    assert OutboxMessage.objects.filter(message_type="delay_broadcast").count() == 4
    assert OutboxMessage.objects.filter(recipient="ayse@example.com").count() == 1
