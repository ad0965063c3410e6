"""What the survey timing needs about an order, gathered from Saleor and our own records."""

from typing import TYPE_CHECKING, Any

from ..delays.models import OrderDelay
from ..returns.models import Return
from ..returns.statuses import OPEN_STATUSES
from ..saleor_glue.fulfillments import is_fully_shipped, last_fulfillment_at
from ..tracking.models import Shipment, ShipmentKind
from ..tracking.statuses import ShipmentStatus
from .models import Complaint
from .rules import ComplaintStatus, DeliveryFacts, HoldReason

if TYPE_CHECKING:
    from saleor.order.models import Order


def delivery_facts(order: "Order") -> DeliveryFacts:
    """Whether everything shipped, the delivery scans of its parcels, the last fulfillment."""
    parcels = (
        Shipment.objects.filter(order=order, kind=ShipmentKind.OUTBOUND)
        .exclude(status=ShipmentStatus.CANCELLED)
        .values_list("status", "delivered_at", "last_event_at")
    )
    return DeliveryFacts(
        fully_fulfilled=is_fully_shipped(order),
        parcel_deliveries=tuple(
            (delivered_at or last_event_at) if status == ShipmentStatus.DELIVERED else None
            for status, delivered_at, last_event_at in parcels
        ),
        last_fulfillment_at=last_fulfillment_at(order.pk),
    )


def hold_reason(order_id: Any) -> HoldReason | None:
    """Why a survey must not go out now: an open return, complaint or delay; None if none."""
    if Return.objects.filter(order_id=order_id, status__in=OPEN_STATUSES).exists():
        return HoldReason.OPEN_RETURN
    if (
        Complaint.objects.filter(order_id=order_id)
        .exclude(status=ComplaintStatus.RESOLVED)
        .exists()
    ):
        return HoldReason.OPEN_COMPLAINT
    if OrderDelay.objects.filter(order_id=order_id, resolved_at__isnull=True).exists():
        return HoldReason.OPEN_DELAY
    return None
