"""Lookups of Saleor's orders: one order by its ID or number (with what its callers read
next), and set-based ones for the scans: which orders are still watched, which have lines
waiting to ship, which were cancelled.

The scans return ids or a subquery, so a scan over a million orders is one SQL statement and
never a Python loop over rows; Saleor's table and column names stay in this module.
"""

from collections.abc import Collection
from datetime import datetime
from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet, Sum
from django.db.models.functions import Coalesce

# OrderStatus is also imported from here by modules that compare an order's status.
from saleor.order import OrderStatus
from saleor.order.models import Order, OrderLine

# Orders a customer still waits for: placed, and not cancelled, expired or a draft.
WATCHED_STATUSES = (
    OrderStatus.UNCONFIRMED,
    OrderStatus.UNFULFILLED,
    OrderStatus.PARTIALLY_FULFILLED,
    OrderStatus.FULFILLED,
)
# Watched orders with lines still to hand to a carrier.
UNSHIPPED_STATUSES = (
    OrderStatus.UNCONFIRMED,
    OrderStatus.UNFULFILLED,
    OrderStatus.PARTIALLY_FULFILLED,
)


def order_by_id(order_id: Any) -> Order | None:
    """The order with this primary key, whatever its status, or None."""
    return Order.objects.filter(pk=order_id).first()


def get_order(order_id: Any) -> Order:
    """The order with this primary key; raises Order.DoesNotExist when there is none."""
    return Order.objects.get(pk=order_id)


def order_with_customer(order_id: Any) -> Order | None:
    """The order with its customer account joined (pages compare and show the customer)."""
    return Order.objects.select_related("user").filter(pk=order_id).first()


def lock_order(order_id: Any) -> Order:
    """The order's row, locked until the transaction ends (one writer per order at a time)."""
    return Order.objects.select_for_update().get(pk=order_id)


def order_exists(order_id: Any) -> bool:
    """Whether Saleor has an order with this primary key."""
    return Order.objects.filter(pk=order_id).exists()


def placed_order(order_id: Any) -> Order | None:
    """The order with this primary key unless it is a draft (staff-only, not placed)."""
    return Order.objects.exclude(status=OrderStatus.DRAFT).filter(pk=order_id).first()


def placed_order_by_number(number: int) -> Order | None:
    """The placed (not draft) order with this number, its customer account joined so the
    guest's email can be compared without another query."""
    return (
        Order.objects.exclude(status=OrderStatus.DRAFT)
        .select_related("user")
        .filter(number=number)
        .first()
    )


def watched_among(order_ids: Collection[Any], placed_since: datetime) -> list[Any]:
    """Those of `order_ids` that are watched and were placed at or after `placed_since`."""
    if not order_ids:
        return []
    return list(
        Order.objects.filter(
            pk__in=list(order_ids), status__in=WATCHED_STATUSES, created_at__gte=placed_since
        ).values_list("pk", flat=True)
    )


def unshipped_due(placed_since: datetime, placed_before: datetime, limit: int) -> list[Any]:
    """Orders with lines to ship that may be late: placed before `placed_before` (the
    handling time has run out), or younger but with a line Saleor could not allocate in full.

    A superset of the late ones (the business-day rules decide); at most `limit`, oldest first.
    """
    short_line = OrderLine.objects.filter(
        order_id=OuterRef("pk"),
        quantity__gt=F("quantity_fulfilled"),
        variant__isnull=False,
        variant__track_inventory=True,
    ).annotate(allocated=Coalesce(Sum("allocations__quantity_allocated"), 0))
    short_line = short_line.filter(allocated__lt=F("quantity") - F("quantity_fulfilled"))
    window = Order.objects.filter(status__in=UNSHIPPED_STATUSES, created_at__gte=placed_since)
    overdue = window.filter(created_at__lt=placed_before)
    young_and_short = window.filter(created_at__gte=placed_before).filter(Exists(short_line))
    ids = overdue.order_by("created_at").values_list("pk", flat=True)[:limit]
    found = list(ids)
    if len(found) < limit:
        found += list(young_and_short.values_list("pk", flat=True)[: limit - len(found)])
    return found


def cancelled_orders() -> QuerySet[Order]:
    """Cancelled orders, as a subquery (`.values("pk")`) for other tables to filter on."""
    return Order.objects.filter(status=OrderStatus.CANCELED).values("pk")


def order_for_preview(number: str | None) -> Order | None:
    """The order with this number, or the latest placed one: a real order to preview texts."""
    orders = Order.objects.exclude(status__in=(OrderStatus.DRAFT, OrderStatus.EXPIRED))
    if number:
        return orders.filter(number=number).first() if number.isdigit() else None
    return orders.order_by("-number").first()
