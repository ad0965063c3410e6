"""Staff record a tracking event by hand with `shipmentEventAdd`."""

from datetime import timedelta

import graphene
from django.utils import timezone
from saleor.order import OrderEvents

from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from ..fixtures import tracking_content

SHIPMENT_EVENT_ADD = """
mutation Add($id: ID!, $input: ShipmentEventInput!) {
  shipmentEventAdd(shipmentId: $id, input: $input) {
    shipment { status statusDetail estimatedDelivery estimatedDeliverySource
               events { status description location } }
    errors { field code message }
  }
}
"""


def shipment_of(order, status=ShipmentStatus.IN_TRANSIT) -> Shipment:
    fulfillment = order.fulfillments.create(tracking_number="305712345678")
    return Shipment.objects.create(
        order=order,
        fulfillment=fulfillment,
        carrier_code="yurtici",
        tracking_number="305712345678",
        status=status,
    )


def add_event(client, shipment, **event) -> dict:
    response = client.post_graphql(
        SHIPMENT_EVENT_ADD,
        {"id": graphene.Node.to_global_id("Shipment", shipment.pk), "input": event},
    )
    return tracking_content(response)


def test_staff_record_a_delivery_by_hand(staff_tracking_client, customer_order):
    # given a parcel in transit
    shipment = shipment_of(customer_order)

    # when staff record that the customer collected it
    content = add_event(
        staff_tracking_client,
        shipment,
        status="DELIVERED",
        description="Müşteri şubeden teslim aldı",
        location="Kadıköy",
    )

    # then it is delivered, with the event in its history and on the order's timeline
    payload = content["data"]["shipmentEventAdd"]
    assert payload["errors"] == []
    assert payload["shipment"]["status"] == "DELIVERED"
    assert payload["shipment"]["events"][-1]["location"] == "Kadıköy"
    shipment.refresh_from_db()
    assert shipment.delivered_at is not None
    assert customer_order.events.filter(
        type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION, user=staff_tracking_client.user
    ).exists()


def test_staff_set_a_new_estimated_delivery_date(staff_tracking_client, customer_order):
    shipment = shipment_of(customer_order)
    new_date = (timezone.now() + timedelta(days=3)).date()

    content = add_event(
        staff_tracking_client,
        shipment,
        status="DELAYED",
        description="Hava koşulları",
        estimatedDelivery=new_date.isoformat(),
    )

    result = content["data"]["shipmentEventAdd"]["shipment"]
    assert result["estimatedDelivery"] == new_date.isoformat()
    assert result["estimatedDeliverySource"] == "MANUAL"
    assert Shipment.objects.get(pk=shipment.pk).estimated_delivery == new_date


def test_the_same_event_submitted_twice_is_stored_once(staff_tracking_client, customer_order):
    shipment = shipment_of(customer_order)
    when = (timezone.now() - timedelta(hours=1)).isoformat()

    add_event(staff_tracking_client, shipment, status="OUT_FOR_DELIVERY", occurredAt=when)
    add_event(staff_tracking_client, shipment, status="OUT_FOR_DELIVERY", occurredAt=when)

    assert shipment.events.count() == 1


def test_a_delivered_parcel_cannot_be_put_back_in_transit(staff_tracking_client, customer_order):
    shipment = shipment_of(customer_order, status=ShipmentStatus.DELIVERED)

    content = add_event(staff_tracking_client, shipment, status="IN_TRANSIT")

    assert content["data"]["shipmentEventAdd"]["errors"] == [
        {
            "field": "status",
            "code": "INVALID_TRANSITION",
            "message": "A shipment that is delivered cannot become in_transit.",
        }
    ]
    assert shipment.events.count() == 0


def test_an_event_in_the_future_is_refused(staff_tracking_client, customer_order):
    shipment = shipment_of(customer_order)
    tomorrow = (timezone.now() + timedelta(days=1)).isoformat()

    content = add_event(staff_tracking_client, shipment, status="DELIVERED", occurredAt=tomorrow)

    [error] = content["data"]["shipmentEventAdd"]["errors"]
    assert (error["field"], error["code"]) == ("occurredAt", "INVALID")


def test_an_unknown_shipment_gives_not_found(staff_tracking_client):
    content = tracking_content(
        staff_tracking_client.post_graphql(
            SHIPMENT_EVENT_ADD,
            {
                "id": graphene.Node.to_global_id("Shipment", 987654),
                "input": {"status": "DELIVERED"},
            },
        )
    )

    [error] = content["data"]["shipmentEventAdd"]["errors"]
    assert (error["field"], error["code"]) == ("shipmentId", "NOT_FOUND")


def test_a_customer_cannot_record_events(customer_tracking_client, customer_order):
    shipment = shipment_of(customer_order)

    content = add_event(customer_tracking_client, shipment, status="DELIVERED")

    assert content["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert Shipment.objects.get(pk=shipment.pk).status == "in_transit"


def test_a_backdated_event_joins_history_without_changing_the_status(
    staff_tracking_client, customer_order
):
    shipment = shipment_of(customer_order, status=ShipmentStatus.OUT_FOR_DELIVERY)
    shipment.last_event_at = timezone.now()
    shipment.save()
    earlier = (timezone.now() - timedelta(days=1)).isoformat()

    content = add_event(staff_tracking_client, shipment, status="IN_TRANSIT", occurredAt=earlier)

    assert content["data"]["shipmentEventAdd"]["shipment"]["status"] == "OUT_FOR_DELIVERY"
    assert shipment.events.count() == 1
