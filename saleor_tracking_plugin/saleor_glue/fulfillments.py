"""Reads of Saleor's orders and fulfillments (parcels): one fulfillment, those awaiting
tracking, what went in each parcel, and what surveys and metrics need."""

from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db.models import Exists, Max, OuterRef, QuerySet

# FulfillmentStatus is also imported from here by modules that compare a fulfillment's status.
from saleor.order import FulfillmentStatus, OrderStatus
from saleor.order.models import Fulfillment, FulfillmentLine, Order

# Orders whose every item was shipped (some may have come back since).
SHIPPED_ORDER_STATUSES = (
    OrderStatus.FULFILLED,
    OrderStatus.PARTIALLY_RETURNED,
    OrderStatus.RETURNED,
)


def fulfillment_with_order(fulfillment_id: Any) -> Fulfillment | None:
    """The fulfillment with its order joined (a parcel is tracked for its order), or None."""
    return Fulfillment.objects.select_related("order").filter(pk=fulfillment_id).first()


def untracked_fulfillment_ids(since: datetime, tracked: QuerySet) -> QuerySet:
    """IDs of fulfillments made since `since`, not cancelled, with a tracking number, and with
    no row in `tracked` (a queryset of rows with a `fulfillment_id` column) pointing at them."""
    return (
        Fulfillment.objects.filter(created_at__gte=since)
        .exclude(tracking_number="")
        .exclude(status=FulfillmentStatus.CANCELED)
        .filter(~Exists(tracked.filter(fulfillment_id=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )


def is_fully_shipped(order: Order) -> bool:
    """Every item of the order was shipped."""
    return order.status in SHIPPED_ORDER_STATUSES


def last_fulfillment_at(order_id: Any) -> datetime | None:
    """When the order's latest (not cancelled) fulfillment was made."""
    return (
        Fulfillment.objects.filter(order_id=order_id)
        .exclude(status__in=[FulfillmentStatus.CANCELED, FulfillmentStatus.WAITING_FOR_APPROVAL])
        .aggregate(last=Max("created_at"))["last"]
    )


def shipped_order_ids_since(since: datetime):
    """IDs of fully shipped orders with a fulfillment made since `since` (a queryset)."""
    return (
        Order.objects.filter(status__in=SHIPPED_ORDER_STATUSES, fulfillments__created_at__gte=since)
        .values_list("pk", flat=True)
        .distinct()
    )


def line_label(order_line: Any) -> str:
    """A product's name as the customer saw it in their language, with its variant."""
    name = order_line.translated_product_name or order_line.product_name
    variant = order_line.translated_variant_name or order_line.variant_name
    return f"{name} ({variant})" if variant and variant != name else name


def order_items(order: Order) -> list[dict[str, Any]]:
    """The ordered products in the order's language, as {"name", "quantity"} (one query)."""
    return [
        {"name": line_label(line), "quantity": line.quantity}
        for line in order.lines.all().order_by("pk")
    ]


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
