"""Shared steps of the carrier tests inside Saleor."""

import graphene
from django.utils import timezone

from saleor_tracking_plugin.carriers.models import ShipmentPolling
from saleor_tracking_plugin.carriers.tasks import poll_due_shipments_task
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from ..fixtures import tracking_content

ORDER_TRACKING = """
query Track($id: ID) {
  orderTracking(id: $id) {
    status
    shipments {
      trackingNumber status statusDetail estimatedDelivery estimatedDeliverySource
      lastCheckedAt
      trackingProblem { code message failures }
      events { status description location }
    }
  }
}
"""

CREDENTIALS = {
    "ups": {"ups_client_id": "merchant-client-id", "ups_client_secret": "s3cret"},
    "fedex": {"fedex_api_key": "l7-key", "fedex_secret_key": "s3cret"},
    "yurtici": {"yurtici_username": "YKTEST", "yurtici_password": "YK"},
    "aras": {"aras_username": "arasuser", "aras_password": "s3cret", "aras_customer_code": "1"},
    "mng": {
        "mng_client_id": "cid",
        "mng_client_secret": "csecret",
        "mng_customer_number": "123456",
        "mng_password": "s3cret",
    },
}


def shipment_for(order, carrier: str, number: str, status=ShipmentStatus.INFO_RECEIVED):
    """A tracked parcel of `order` at `carrier`, as the foundation creates it on fulfilment."""
    fulfillment = order.fulfillments.create(tracking_number=number)
    return Shipment.objects.create(
        order=order,
        fulfillment=fulfillment,
        carrier_code=carrier,
        tracking_number=number,
        status=status,
    )


def poll_round() -> int:
    """One beat round, run as Celery runs it (eagerly in these tests)."""
    return poll_due_shipments_task.delay().get()


def make_due(*shipments) -> None:
    """Let the next round ask about these shipments again."""
    for shipment in shipments:
        ShipmentPolling.objects.update_or_create(
            shipment=shipment, defaults={"next_poll_at": timezone.now()}
        )


def order_tracking(client, order) -> dict:
    """`orderTracking` of the order, as the client sees it."""
    content = tracking_content(
        client.post_graphql(ORDER_TRACKING, {"id": graphene.Node.to_global_id("Order", order.pk)})
    )
    assert "errors" not in content, content
    return content["data"]["orderTracking"]


def timeline(order) -> list[str]:
    """Messages the plugin wrote on the order's timeline."""
    return [e.parameters.get("message", "") for e in order.events.order_by("pk")]
