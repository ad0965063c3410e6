"""What Saleor's stock says about an order: lines it could not allocate."""

from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from saleor.order.models import Order


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
