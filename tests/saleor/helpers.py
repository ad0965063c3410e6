"""Small helpers shared by the tests that run inside Saleor."""

import graphene
from saleor.plugins.models import PluginConfiguration

from saleor_tracking_plugin import PLUGIN_ID

ORDER_FULFILL = """
mutation Fulfill($order: ID!, $input: OrderFulfillInput!) {
  orderFulfill(order: $order, input: $input) {
    fulfillments { id trackingNumber }
    errors { field code message }
  }
}
"""

FULFILLMENT_UPDATE_TRACKING = """
mutation Update($id: ID!, $input: FulfillmentUpdateTrackingInput!) {
  orderFulfillmentUpdateTracking(id: $id, input: $input) {
    fulfillment { id trackingNumber }
    errors { field code message }
  }
}
"""


def configure_plugin(**values) -> None:
    """Save plugin settings as a merchant would in the dashboard."""
    config, _ = PluginConfiguration.objects.get_or_create(
        identifier=PLUGIN_ID, defaults={"active": True, "configuration": []}
    )
    saved = {item["name"]: item for item in config.configuration}
    for name, value in values.items():
        saved[name] = {"name": name, "value": value}
    config.configuration = list(saved.values())
    config.active = True
    config.save()


def fulfill(staff_api_client, order, warehouse, tracking_number: str, lines=None) -> dict:
    """Fulfil `lines` (default: every line) of `order` through Saleor's `orderFulfill`."""
    from saleor.graphql.tests.utils import get_graphql_content

    lines = [
        {
            "orderLineId": graphene.Node.to_global_id("OrderLine", line.pk),
            "stocks": [
                {
                    "quantity": line.quantity,
                    "warehouse": graphene.Node.to_global_id("Warehouse", warehouse.pk),
                }
            ],
        }
        for line in (lines if lines is not None else order.lines.all())
    ]
    response = staff_api_client.post_graphql(
        ORDER_FULFILL,
        {
            "order": graphene.Node.to_global_id("Order", order.pk),
            "input": {"lines": lines, "trackingNumber": tracking_number, "notifyCustomer": False},
        },
    )
    return get_graphql_content(response)["data"]["orderFulfill"]
