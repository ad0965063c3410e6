"""`orderTracking` on the plugin's own endpoint, with Saleor's authentication."""

from datetime import UTC, datetime, timedelta

import graphene
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_tracking_plugin.tracking import actions
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from ..fixtures import tracking_content
from .helpers import configure_plugin

ORDER_TRACKING_BY_ID = """
query Track($id: ID) {
  orderTracking(id: $id) {
    number
    status
    shipments {
      carrier { code name }
      trackingNumber
      trackingUrl
      status
      statusDetail
      estimatedDelivery
      deliveredAt
      events { occurredAt status description location }
    }
  }
}
"""

ORDER_TRACKING_AS_GUEST = """
query Track($number: String, $email: String) {
  orderTracking(number: $number, email: $email) {
    number
    shipments { trackingNumber status }
  }
}
"""


def tracked_shipment(order, number="305712345678", carrier="yurtici") -> Shipment:
    fulfillment = order.fulfillments.create(tracking_number=number)
    return Shipment.objects.create(
        order=order,
        fulfillment=fulfillment,
        carrier_code=carrier,
        tracking_number=number,
        status=ShipmentStatus.INFO_RECEIVED,
    )


def scan(hours_ago: int, status: ShipmentStatus, text: str, place: str = "") -> TrackingEventData:
    when = datetime(2026, 11, 20, 18, tzinfo=UTC) - timedelta(hours=hours_ago)
    return TrackingEventData(occurred_at=when, status=status, description=text, location=place)


def order_id(order) -> str:
    return graphene.Node.to_global_id("Order", order.pk)


def test_the_owner_reads_shipments_with_status_events_and_carrier_link(
    customer_tracking_client, customer_order
):
    # given a Yurtiçi parcel that left the branch and reached the hub
    shipment = tracked_shipment(customer_order)
    actions.record_events(
        shipment.pk,
        [
            scan(30, ShipmentStatus.IN_TRANSIT, "Kargo çıkış şubesinde", "Kadıköy"),
            scan(5, ShipmentStatus.OUT_FOR_DELIVERY, "Dağıtıma çıkarıldı", "Ankara"),
        ],
        source="yurtici",
    )

    # when the logged-in owner asks
    content = tracking_content(
        customer_tracking_client.post_graphql(
            ORDER_TRACKING_BY_ID, {"id": order_id(customer_order)}
        )
    )

    # then they see the parcel as the carrier last reported it, with its history
    tracking = content["data"]["orderTracking"]
    assert tracking["number"] == str(customer_order.number)
    assert tracking["status"] == "OUT_FOR_DELIVERY"
    [parcel] = tracking["shipments"]
    assert parcel["carrier"] == {"code": "yurtici", "name": "Yurtiçi Kargo"}
    assert parcel["trackingNumber"] == "305712345678"
    assert parcel["trackingUrl"].endswith("305712345678")
    assert parcel["statusDetail"] == "Dağıtıma çıkarıldı"
    assert [e["status"] for e in parcel["events"]] == ["IN_TRANSIT", "OUT_FOR_DELIVERY"]
    assert parcel["events"][0]["location"] == "Kadıköy"


def test_a_changed_tracking_number_shows_only_the_new_parcels_scans_oldest_first(
    customer_tracking_client, customer_order
):
    # given a parcel scanned under its first number, whose number staff then corrected
    shipment = tracked_shipment(customer_order, number="305700000001")
    actions.record_events(
        shipment.pk, [scan(40, ShipmentStatus.IN_TRANSIT, "Yanlış koli")], source="yurtici"
    )
    shipment.fulfillment.tracking_number = "305700000002"
    shipment.fulfillment.save(update_fields=["tracking_number"])
    actions.sync_shipment_for_fulfillment(shipment.fulfillment.pk)
    # and the new number's scans arrived newest first
    for hours_ago, text in ((2, "Dağıtımda"), (20, "Transfer merkezinde")):
        actions.record_events(
            shipment.pk, [scan(hours_ago, ShipmentStatus.IN_TRANSIT, text)], source="yurtici"
        )

    # when the owner asks
    content = tracking_content(
        customer_tracking_client.post_graphql(
            ORDER_TRACKING_BY_ID, {"id": order_id(customer_order)}
        )
    )

    # then only the corrected number's scans show, oldest first
    [parcel] = content["data"]["orderTracking"]["shipments"]
    assert parcel["trackingNumber"] == "305700000002"
    assert [e["description"] for e in parcel["events"]] == ["Transfer merkezinde", "Dağıtımda"]


def test_staff_with_manage_orders_read_any_order(staff_tracking_client, customer_order):
    tracked_shipment(customer_order)

    content = tracking_content(
        staff_tracking_client.post_graphql(ORDER_TRACKING_BY_ID, {"id": order_id(customer_order)})
    )

    assert len(content["data"]["orderTracking"]["shipments"]) == 1


def test_an_app_with_manage_orders_reads_any_order(app_tracking_client, customer_order):
    tracked_shipment(customer_order)

    content = tracking_content(
        app_tracking_client.post_graphql(ORDER_TRACKING_BY_ID, {"id": order_id(customer_order)})
    )

    assert content["data"]["orderTracking"]["number"] == str(customer_order.number)


def test_another_customer_gets_not_found(other_customer_tracking_client, customer_order):
    tracked_shipment(customer_order)

    content = tracking_content(
        other_customer_tracking_client.post_graphql(
            ORDER_TRACKING_BY_ID, {"id": order_id(customer_order)}
        )
    )

    assert content["data"]["orderTracking"] is None
    assert content["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_staff_without_manage_orders_get_not_found(
    staff_without_orders_tracking_client, customer_order
):
    content = tracking_content(
        staff_without_orders_tracking_client.post_graphql(
            ORDER_TRACKING_BY_ID, {"id": order_id(customer_order)}
        )
    )

    assert content["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_a_guest_with_the_right_number_and_email_reads_the_order(
    guest_tracking_client, customer_order
):
    tracked_shipment(customer_order)

    content = tracking_content(
        guest_tracking_client.post_graphql(
            ORDER_TRACKING_AS_GUEST,
            {"number": str(customer_order.number), "email": customer_order.user_email.upper()},
        )
    )

    assert content["data"]["orderTracking"]["shipments"][0]["trackingNumber"] == "305712345678"


def test_a_wrong_pair_and_a_missing_order_give_the_same_answer(
    guest_tracking_client, customer_order
):
    wrong_email = tracking_content(
        guest_tracking_client.post_graphql(
            ORDER_TRACKING_AS_GUEST,
            {"number": str(customer_order.number), "email": "someone@example.com"},
        )
    )
    missing = tracking_content(
        guest_tracking_client.post_graphql(
            ORDER_TRACKING_AS_GUEST, {"number": "999999", "email": customer_order.user_email}
        )
    )

    assert wrong_email["data"]["orderTracking"] is None
    assert wrong_email["errors"][0]["message"] == missing["errors"][0]["message"]
    assert wrong_email["errors"][0]["extensions"] == missing["errors"][0]["extensions"]


def test_repeated_guest_failures_from_one_client_are_throttled(
    guest_tracking_client, customer_order
):
    # given a client that guessed wrong as often as allowed
    configure_plugin(guest_lookup_limit="3")
    for _ in range(3):
        guest_tracking_client.post_graphql(
            ORDER_TRACKING_AS_GUEST, {"number": "1", "email": "guess@example.com"}
        )

    # when it then asks even with the right pair
    content = tracking_content(
        guest_tracking_client.post_graphql(
            ORDER_TRACKING_AS_GUEST,
            {"number": str(customer_order.number), "email": customer_order.user_email},
        )
    )

    # then it is refused until the window passes
    assert content["errors"][0]["extensions"]["code"] == "THROTTLED"


def test_an_invalid_token_is_refused_rather_than_treated_as_a_guest(customer_order, client):
    response = client.post(
        "/plugins/global/saleor_tracking_plugin/graphql/",
        data={"query": ORDER_TRACKING_BY_ID, "variables": {"id": order_id(customer_order)}},
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer not-a-real-token",
    )

    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_TOKEN"


def test_number_of_queries_does_not_grow_with_shipments_and_events(
    staff_tracking_client, customer_order
):
    def queries_for_tracking() -> int:
        with CaptureQueriesContext(connection) as captured:
            content = tracking_content(
                staff_tracking_client.post_graphql(
                    ORDER_TRACKING_BY_ID, {"id": order_id(customer_order)}
                )
            )
        assert "errors" not in content
        return len(captured)

    # given one parcel with one scan
    first = tracked_shipment(customer_order, "305700000001")
    actions.record_events(first.pk, [scan(3, ShipmentStatus.IN_TRANSIT, "Yolda")], source="x")
    staff_tracking_client.post_graphql(ORDER_TRACKING_BY_ID, {"id": order_id(customer_order)})
    baseline = queries_for_tracking()

    # when the order has three parcels with many scans each
    for number in ("305700000002", "305700000003"):
        shipment = tracked_shipment(customer_order, number)
        actions.record_events(
            shipment.pk,
            [scan(hours, ShipmentStatus.IN_TRANSIT, f"Scan {hours}") for hours in range(1, 9)],
            source="x",
        )

    # then answering takes as many queries as before
    assert queries_for_tracking() == baseline
