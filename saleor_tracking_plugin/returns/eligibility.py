"""Which items of an order can still be returned: Saleor's fulfillments and our shipments,
read once per order and judged by the pure policy rules."""

from collections import defaultdict
from datetime import datetime
from uuid import UUID

from django.db.models import Sum
from graphene import Node
from saleor.order import FulfillmentStatus, OrderStatus
from saleor.order.models import FulfillmentLine, Order, OrderLine

from ..tracking.models import Shipment, ShipmentKind
from .models import ReturnLine
from .policy import LineEligibility, ReturnPolicy, line_eligibility
from .statuses import OPEN_STATUSES


def order_eligibility(
    order: Order, policy: ReturnPolicy, now: datetime
) -> dict[UUID, tuple[OrderLine, LineEligibility]]:
    """Eligibility of every line of the order, keyed by order line ID."""
    lines = list(
        order.lines.select_related("variant__product__product_type").order_by("created_at", "pk")
    )
    fulfilled: dict = defaultdict(int)
    fulfilled_at: dict = {}
    delivered_at: dict = {}
    delivery_by_fulfillment = dict(
        Shipment.objects.filter(order=order, kind=ShipmentKind.OUTBOUND)
        .exclude(fulfillment=None)
        .values_list("fulfillment_id", "delivered_at")
    )
    for line in FulfillmentLine.objects.filter(
        fulfillment__order=order, fulfillment__status=FulfillmentStatus.FULFILLED
    ).select_related("fulfillment"):
        fulfilled[line.order_line_id] += line.quantity
        created = line.fulfillment.created_at
        # The window runs from the latest shipment of the line's items.
        if line.order_line_id not in fulfilled_at or created > fulfilled_at[line.order_line_id]:
            fulfilled_at[line.order_line_id] = created
            delivered_at[line.order_line_id] = delivery_by_fulfillment.get(line.fulfillment_id)
    in_open_returns = dict(
        ReturnLine.objects.filter(
            return_request__order=order, return_request__status__in=OPEN_STATUSES
        )
        .values("order_line_id")
        .annotate(total=Sum("quantity"))
        .values_list("order_line_id", "total")
    )
    cancelled = order.status == OrderStatus.CANCELED
    return {
        line.pk: (
            line,
            line_eligibility(
                policy,
                now=now,
                order_cancelled=cancelled,
                fulfilled_quantity=fulfilled[line.pk],
                in_open_returns=in_open_returns.get(line.pk, 0),
                delivered_at=delivered_at.get(line.pk),
                fulfilled_at=fulfilled_at.get(line.pk),
                product_keys=_product_keys(line),
                product_type_keys=_product_type_keys(line),
            ),
        )
        for line in lines
    }


def _product_keys(line: OrderLine) -> set[str]:
    product = line.variant.product if line.variant else None
    if product is None:
        return set()
    return {product.slug.lower(), str(product.pk), Node.to_global_id("Product", product.pk).lower()}


def _product_type_keys(line: OrderLine) -> set[str]:
    product = line.variant.product if line.variant else None
    if product is None:
        return set()
    return {product.product_type.slug.lower(), str(product.product_type_id)}


def can_return_something(order: Order, policy: ReturnPolicy, now: datetime) -> bool:
    """Whether the customer may start a return now: some line has a returnable quantity."""
    return any(
        rules.returnable_quantity > 0
        for _line, rules in order_eligibility(order, policy, now).values()
    )
