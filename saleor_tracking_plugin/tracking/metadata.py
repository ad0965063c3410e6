"""The tracking summary mirrored into an order's public metadata.

Storefronts read it through Saleor's own `order { metadata }`; keys (all strings):
- `tracking.status`: the order's status, i.e. its least advanced active shipment;
- `tracking.carrier`, `tracking.url`, `tracking.estimatedDelivery`: of the latest shipment;
- `tracking.shipments`: JSON list of every shipment's summary;
- `tracking.pageUrl`: the order's hosted tracking page (signed link).
"""

from typing import Any

from ..carriers.registry import get_carrier
from ..pages.links import is_fresh_page_url, tracking_page_url
from ..saleor_glue.orders import json_value, replace_public_metadata
from .models import Shipment, ShipmentKind
from .statuses import ShipmentStatus, least_advanced


def shipment_summary(shipment: Shipment) -> dict[str, Any]:
    """The compact, public facts of one shipment."""
    carrier = get_carrier(shipment.carrier_code) if shipment.carrier_code else None
    return {
        "carrier": shipment.carrier_code,
        "carrierName": carrier.name if carrier else "",
        "trackingNumber": shipment.tracking_number,
        "trackingUrl": tracking_url(shipment),
        "status": shipment.status,
        "estimatedDelivery": (
            shipment.estimated_delivery.isoformat() if shipment.estimated_delivery else None
        ),
        "deliveredAt": shipment.delivered_at.isoformat() if shipment.delivered_at else None,
    }


def tracking_url(shipment: Shipment) -> str:
    """The carrier's public tracking page for the shipment, when the carrier is known."""
    carrier = get_carrier(shipment.carrier_code) if shipment.carrier_code else None
    if not carrier or not shipment.tracking_number:
        return ""
    return carrier.tracking_url(shipment.tracking_number)


def mirror_order_tracking(order_id: Any) -> None:
    """Rewrite the order's tracking keys from its outbound shipments."""
    shipments = list(
        Shipment.objects.filter(order_id=order_id, kind=ShipmentKind.OUTBOUND).order_by("pk")
    )
    if not shipments:
        replace_public_metadata(order_id, {})
        return
    summaries = [shipment_summary(shipment) for shipment in shipments]
    active = [s for s in summaries if s["status"] != ShipmentStatus.CANCELLED] or summaries
    latest = active[-1]
    status = least_advanced([ShipmentStatus(s["status"]) for s in summaries])
    replace_public_metadata(
        order_id,
        {
            "status": status.value if status else "",
            "carrier": latest["carrierName"] or latest["carrier"],
            "url": latest["trackingUrl"],
            "estimatedDelivery": latest["estimatedDelivery"] or "",
            "shipments": json_value(summaries),
            "pageUrl": tracking_page_url(order_id),
        },
        keep=lambda key, current: key == "pageUrl" and is_fresh_page_url(current, order_id),
    )
