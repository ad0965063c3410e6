"""Reads of Saleor's orders and fulfillments that surveys and metrics need."""

from datetime import datetime
from typing import Any

from django.db.models import Max
from saleor.order import FulfillmentStatus, OrderStatus
from saleor.order.models import Fulfillment, Order

# Orders whose every item was shipped (some may have come back since).
SHIPPED_ORDER_STATUSES = (
    OrderStatus.FULFILLED,
    OrderStatus.PARTIALLY_RETURNED,
    OrderStatus.RETURNED,
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
