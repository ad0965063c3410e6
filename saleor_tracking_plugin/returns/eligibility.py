"""Which items of an order can still be returned: Saleor's fulfillments and our shipments,
read once per order and judged by the pure policy rules."""

from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from django.db.models import Sum

from ..saleor_glue.order_lines import (
    lines_with_products,
    product_keys,
    product_type_keys,
    shipped_items_by_line,
)
from ..saleor_glue.order_lookups import OrderStatus
from ..tracking.models import Shipment, ShipmentKind
from .models import ReturnLine
from .policy import LineEligibility, ReturnPolicy, line_eligibility
from .statuses import OPEN_STATUSES

if TYPE_CHECKING:
    from saleor.order.models import Order, OrderLine


def order_eligibility(
    order: "Order", policy: ReturnPolicy, now: datetime
) -> dict[UUID, tuple["OrderLine", LineEligibility]]:
    """Eligibility of every line of the order, keyed by order line ID."""
    lines = lines_with_products(order)
    delivery_by_fulfillment = dict(
        Shipment.objects.filter(order=order, kind=ShipmentKind.OUTBOUND)
        .exclude(fulfillment=None)
        .values_list("fulfillment_id", "delivered_at")
    )
    shipped = shipped_items_by_line(order)
    in_open_returns = dict(
        ReturnLine.objects.filter(
            return_request__order=order, return_request__status__in=OPEN_STATUSES
        )
        .values("order_line_id")
        .annotate(total=Sum("quantity"))
        .values_list("order_line_id", "total")
    )
    cancelled = order.status == OrderStatus.CANCELED
    eligibility = {}
    for line in lines:
        items = shipped.get(line.pk)
        eligibility[line.pk] = (
            line,
            line_eligibility(
                policy,
                now=now,
                order_cancelled=cancelled,
                fulfilled_quantity=items.quantity if items else 0,
                in_open_returns=in_open_returns.get(line.pk, 0),
                # The window runs from the latest shipment of the line's items.
                delivered_at=(
                    delivery_by_fulfillment.get(items.last_fulfillment_id) if items else None
                ),
                fulfilled_at=items.last_fulfilled_at if items else None,
                product_keys=product_keys(line),
                product_type_keys=product_type_keys(line),
            ),
        )
    return eligibility


def can_return_something(order: "Order", policy: ReturnPolicy, now: datetime) -> bool:
    """Whether the customer may start a return now: some line has a returnable quantity."""
    return any(
        rules.returnable_quantity > 0
        for _line, rules in order_eligibility(order, policy, now).values()
    )
