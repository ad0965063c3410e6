"""Staff read an order's message history through GraphQL."""

import graphene

from saleor_tracking_plugin.notifications.api import notify

from ...fixtures import tracking_content
from ..helpers import fulfill

ORDER_MESSAGES = """
query Messages($orderId: ID!) {
  orderMessages(orderId: $orderId) {
    id messageType channel category recipient language subject text status attempts
    lastError provider providerMessageId createdAt scheduledFor sentAt
  }
}
"""


def _order_id(order) -> str:
    return graphene.Node.to_global_id("Order", order.pk)


def test_staff_see_every_message_of_the_order(
    staff_fulfiller, staff_tracking_client, turkish_order, warehouse, email_only, after_commit
):
    fulfill(staff_fulfiller, turkish_order, warehouse, "305712345678")
    with after_commit():
        notify(turkish_order, "delivered", dedupe_key="delivered")

    response = staff_tracking_client.post_graphql(
        ORDER_MESSAGES, {"orderId": _order_id(turkish_order)}
    )

    messages = tracking_content(response)["data"]["orderMessages"]
    assert [m["messageType"] for m in messages] == ["shipped", "delivered"]
    shipped = messages[0]
    assert shipped["channel"] == "EMAIL"
    assert shipped["category"] == "TRANSACTIONAL"
    assert shipped["status"] == "SENT"
    assert shipped["recipient"] == "ahmet@example.com"
    assert shipped["language"] == "tr"
    assert shipped["subject"] == f"{turkish_order.number} numaralı siparişiniz yola çıktı"
    assert "Sayın Ahmet Yılmaz" in shipped["text"]
    assert shipped["attempts"] == 1
    assert shipped["provider"] == "email"
    assert shipped["sentAt"] is not None


def test_customers_and_staff_without_manage_orders_are_refused(
    customer_tracking_client, staff_without_orders_tracking_client, customer_order
):
    for client in (customer_tracking_client, staff_without_orders_tracking_client):
        response = client.post_graphql(ORDER_MESSAGES, {"orderId": _order_id(customer_order)})

        content = tracking_content(response)
        assert content["data"] is None or content["data"]["orderMessages"] is None
        assert content["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_an_unknown_order_is_not_found(staff_tracking_client):
    response = staff_tracking_client.post_graphql(
        ORDER_MESSAGES,
        {"orderId": graphene.Node.to_global_id("Order", "0b7c4a0e-6d2f-4a55-9f1e-3c1f2d9e8a77")},
    )

    assert tracking_content(response)["errors"][0]["extensions"]["code"] == "NOT_FOUND"
