"""What went in each of Saleor's fulfillments (parcels): the lines and quantities."""

from collections import defaultdict
from typing import Any

from saleor.order.models import FulfillmentLine


def line_label(order_line: Any) -> str:
    """A product's name as the customer saw it in their language, with its variant."""
    name = order_line.translated_product_name or order_line.product_name
    variant = order_line.translated_variant_name or order_line.variant_name
    return f"{name} ({variant})" if variant and variant != name else name


def parcel_items(fulfillment_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Per fulfillment: its items as {"name", "quantity"}, in order-line order (one query)."""
    items: dict[int, list[dict[str, Any]]] = defaultdict(list)
    lines = (
        FulfillmentLine.objects.filter(fulfillment_id__in=fulfillment_ids)
        .select_related("order_line")
        .order_by("order_line__created_at", "order_line__pk", "pk")
    )
    for line in lines:
        items[line.fulfillment_id].append(
            {"name": line_label(line.order_line), "quantity": line.quantity}
        )
    return dict(items)
