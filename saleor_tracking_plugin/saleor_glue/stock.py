"""Saleor's stock: putting returned items back, and lines an order could not allocate."""

from typing import TYPE_CHECKING

from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from saleor.order.models import Order
from saleor.warehouse.management import increase_stock

if TYPE_CHECKING:
    from saleor.order.models import OrderLine
    from saleor.warehouse.models import Warehouse


def restock(order_line: "OrderLine", warehouse: "Warehouse", quantity: int) -> bool:
    """Increase the variant's stock in the warehouse it was shipped from.

    Returns False when there is nothing to restock (the variant was deleted).
    """
    if quantity <= 0 or order_line.variant_id is None:
        return False
    increase_stock(order_line, warehouse, quantity, allocate=False)
    return True


def lines_short_of_stock(order: Order) -> int:
    """Unshipped lines of stock-tracked, non-preorder variants that Saleor could not allocate
    in full: the warehouse cannot ship them now."""
    lines = (
        order.lines.filter(quantity__gt=F("quantity_fulfilled"), variant__isnull=False)
        .select_related("variant")
        .annotate(allocated=Coalesce(Sum("allocations__quantity_allocated"), 0))
    )
    return sum(
        1
        for line in lines
        if line.variant.track_inventory
        and not line.variant.is_preorder_active()
        and line.allocated < line.quantity - line.quantity_fulfilled
    )
