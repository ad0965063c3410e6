"""Putting returned items back into Saleor's stock."""

from typing import TYPE_CHECKING

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
