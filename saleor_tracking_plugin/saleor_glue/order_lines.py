"""Reads of an order's lines in Saleor: what is left to ship, what was shipped of each line
and when (the facts return eligibility is judged on), and the keys its product is known by."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graphene import Node
from saleor.order import FulfillmentStatus
from saleor.order.models import FulfillmentLine, Order, OrderLine


@dataclass(frozen=True)
class ShippedItems:
    """What of one order line went out in fulfilled (not cancelled, not returned) parcels."""

    quantity: int
    # The latest of those fulfillments: a return window runs from the line's last shipment.
    last_fulfillment_id: int
    last_fulfilled_at: datetime


def has_unshipped_lines(order: Order) -> bool:
    """Some line of the order still has items to hand to a carrier."""
    return any(line.quantity > line.quantity_fulfilled for line in order.lines.all())


def lines_with_products(order: Order) -> list[OrderLine]:
    """The order's lines in the order they were added, each with its variant, product and
    product type joined (one query)."""
    return list(
        order.lines.select_related("variant__product__product_type").order_by("created_at", "pk")
    )


def shipped_items_by_line(order: Order) -> dict[Any, ShippedItems]:
    """Per order line ID: the items of it in the order's FULFILLED fulfillments (one query)."""
    quantities: dict[Any, int] = {}
    latest: dict[Any, tuple[int, datetime]] = {}
    for line in FulfillmentLine.objects.filter(
        fulfillment__order=order, fulfillment__status=FulfillmentStatus.FULFILLED
    ).select_related("fulfillment"):
        line_id = line.order_line_id
        quantities[line_id] = quantities.get(line_id, 0) + line.quantity
        created = line.fulfillment.created_at
        if line_id not in latest or created > latest[line_id][1]:
            latest[line_id] = (line.fulfillment_id, created)
    return {
        line_id: ShippedItems(quantity, *latest[line_id])
        for line_id, quantity in quantities.items()
    }


def product_keys(line: OrderLine) -> set[str]:
    """The ways settings may name the line's product: slug, database ID, global ID."""
    product = line.variant.product if line.variant else None
    if product is None:
        return set()
    return {product.slug.lower(), str(product.pk), Node.to_global_id("Product", product.pk).lower()}


def product_type_keys(line: OrderLine) -> set[str]:
    """The ways settings may name the line's product type: slug, database ID."""
    product = line.variant.product if line.variant else None
    if product is None:
        return set()
    return {product.product_type.slug.lower(), str(product.product_type_id)}
