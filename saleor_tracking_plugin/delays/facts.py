"""Gathering what the delay rules need about an order from Saleor and our shipments."""

from typing import TYPE_CHECKING

from ..saleor_glue.order_lines import has_unshipped_lines
from ..saleor_glue.stock import lines_short_of_stock
from ..tracking.models import Shipment, ShipmentKind
from ..tracking.statuses import ShipmentStatus
from .rules import OrderFacts, ShipmentFacts

if TYPE_CHECKING:
    from saleor.order.models import Order


def order_facts(order: "Order") -> OrderFacts:
    """The order's age, whether anything is left to ship, and its outbound parcels."""
    unshipped = has_unshipped_lines(order)
    shipments = Shipment.objects.filter(order=order, kind=ShipmentKind.OUTBOUND).order_by("pk")
    return OrderFacts(
        placed_at=order.created_at,
        has_unshipped_lines=unshipped,
        lines_short_of_stock=lines_short_of_stock(order) if unshipped else 0,
        shipments=tuple(
            ShipmentFacts(
                shipment_id=shipment.pk,
                status=ShipmentStatus(shipment.status),
                shipped_at=shipment.created_at,
                last_event_at=shipment.last_event_at,
                estimated_delivery=shipment.estimated_delivery,
            )
            for shipment in shipments
        ),
    )


def is_delivered(order: "Order") -> bool:
    """Everything shipped and every parcel that is still tracked delivered."""
    if has_unshipped_lines(order):
        return False
    statuses = set(
        Shipment.objects.filter(order=order, kind=ShipmentKind.OUTBOUND)
        .exclude(status=ShipmentStatus.CANCELLED)
        .values_list("status", flat=True)
    )
    return statuses == {ShipmentStatus.DELIVERED.value}
