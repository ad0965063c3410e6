"""Saleor's GraphQL API called in-process as the demo's staff user.

Orders are placed, paid and fulfilled through Saleor's own mutations, so Saleor's order logic
(prices, stock allocation, events) and the plugin's hooks run exactly as for a real merchant.
"""

import json
from urllib.parse import urlparse

from django.conf import settings
from django.test import Client
from saleor.account.models import User
from saleor.core.jwt import create_access_token


class SaleorApiError(Exception):
    """A mutation answered with errors; the demo data would be wrong, so seeding stops."""


class SaleorApi:
    def __init__(self, staff: User):
        host = (
            urlparse(getattr(settings, "PUBLIC_URL", None) or "http://localhost").hostname
            or "localhost"
        )
        self._client = Client(HTTP_HOST=host)
        self._token = create_access_token(staff)

    def mutate(self, document: str, variables: dict) -> dict:
        """Run one mutation; its payload, or SaleorApiError naming the errors."""
        response = self._client.post(
            "/graphql/",
            json.dumps({"query": document, "variables": variables}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {self._token}",
        )
        content = json.loads(response.content)
        if content.get("errors"):
            raise SaleorApiError(content["errors"])
        (payload,) = content["data"].values()
        if payload.get("errors"):
            raise SaleorApiError(payload["errors"])
        return payload


DRAFT_ORDER_CREATE = """
mutation Create($input: DraftOrderCreateInput!) {
  draftOrderCreate(input: $input) { order { id } errors { field code message } }
}
"""

DRAFT_ORDER_COMPLETE = """
mutation Complete($id: ID!) {
  draftOrderComplete(id: $id) {
    order { id lines { id quantity } } errors { field code message }
  }
}
"""

ORDER_MARK_AS_PAID = """
mutation Paid($id: ID!) {
  orderMarkAsPaid(id: $id) { order { id isPaid } errors { field code message } }
}
"""

ORDER_FULFILL = """
mutation Fulfill($order: ID!, $input: OrderFulfillInput!) {
  orderFulfill(order: $order, input: $input) {
    fulfillments { id } errors { field code message }
  }
}
"""
