"""Shipping milestones: tracking starting and status changes become customer messages.

Only the status a shipment is in when the announcement arrives speaks: a carrier batch that
moves a parcel through in transit, out for delivery and delivered at once gives one
"delivered" message, and "delivered" drops the older milestones still waiting to go out.
"""

import logging
from typing import Any

from django.dispatch import receiver

from ..carriers.registry import get_carrier
from ..pages.rendering import shop_timezone
from ..saleor_glue.fulfillments import parcel_items
from ..tracking.models import Shipment, ShipmentKind
from ..tracking.signals import shipment_status_changed, shipment_tracking_started
from ..tracking.statuses import ShipmentStatus
from . import messages
from .api import notify

logger = logging.getLogger(__name__)

S = ShipmentStatus

MILESTONE_OF_STATUS = {
    S.OUT_FOR_DELIVERY: messages.OUT_FOR_DELIVERY,
    S.AVAILABLE_FOR_PICKUP: messages.AVAILABLE_FOR_PICKUP,
    S.DELIVERED: messages.DELIVERED,
    S.FAILED_ATTEMPT: messages.FAILED_ATTEMPT,
    S.EXCEPTION: messages.DELIVERY_EXCEPTION,
}
# Milestones that may happen again on another day (a second attempt, a new problem).
REPEATABLE = {S.OUT_FOR_DELIVERY, S.FAILED_ATTEMPT, S.EXCEPTION, S.AVAILABLE_FOR_PICKUP}


def shipment_facts(shipment: Shipment, event: Any = None) -> dict[str, Any]:
    """The parcel's facts for the milestone texts."""
    carrier = get_carrier(shipment.carrier_code) if shipment.carrier_code else None
    facts: dict[str, Any] = {
        "carrier": carrier.name if carrier else "",
        "tracking_number": shipment.tracking_number,
        "estimated_date": shipment.estimated_delivery,
        "status": shipment.status,
    }
    if event is not None:
        facts["detail"] = (event.description or "").strip().rstrip(".")
        facts["pickup_location"] = (event.location or "").strip()
    return facts


def shipment_items(shipment: Shipment) -> list[dict[str, Any]] | None:
    """What is in this parcel (its Saleor fulfillment's lines); None when unknown."""
    if not shipment.fulfillment_id:
        return None
    return parcel_items([shipment.fulfillment_id]).get(shipment.fulfillment_id)


def current_shipment_facts(wanted: list[tuple[Any, str]]) -> list[dict[str, Any]]:
    """For each (order, message thread "shipment:<pk>"), the carrier and estimated date of
    that parcel now ({} when the thread is not a parcel of the order); one query for all."""
    shipment_ids = {_shipment_id(thread) for _, thread in wanted} - {None}
    shipments: dict[tuple[Any, int | None], Shipment] = {
        (shipment.order_id, shipment.pk): shipment
        for shipment in Shipment.objects.filter(pk__in=shipment_ids)
    }
    found = []
    for order, thread in wanted:
        shipment = shipments.get((order.pk, _shipment_id(thread)))
        facts = shipment_facts(shipment) if shipment is not None else {}
        found.append({key: facts[key] for key in ("carrier", "estimated_date") if key in facts})
    return found


def _shipment_id(thread: str) -> int | None:
    kind, _, pk = thread.partition(":")
    if kind != "shipment" or not (pk.isascii() and pk.isdigit()):
        return None
    return int(pk)


@receiver(shipment_tracking_started, dispatch_uid="stp-notify-shipped")
def on_tracking_started(sender: Any, shipment: Shipment, **kwargs: Any) -> None:
    """A parcel with a tracking number left: the "shipped" message."""
    try:
        if shipment.kind != ShipmentKind.OUTBOUND or not shipment.tracking_number:
            return
        notify(
            shipment.order,
            messages.SHIPPED,
            dedupe_key=f"shipment:{shipment.pk}:{shipment.tracking_number}:shipped",
            thread=f"shipment:{shipment.pk}",
            context=shipment_facts(shipment),
            items=shipment_items(shipment),
        )
    except Exception:
        logger.exception("Could not queue the shipped message of shipment %s", shipment.pk)


@receiver(shipment_status_changed, dispatch_uid="stp-notify-milestones")
def on_status_changed(
    sender: Any, shipment: Shipment, previous: Any, status: Any, event: Any, **kwargs: Any
) -> None:
    """A milestone status was reached: its message, unless a later status already replaced it."""
    try:
        message_type = MILESTONE_OF_STATUS.get(ShipmentStatus(status))
        if message_type is None or shipment.kind != ShipmentKind.OUTBOUND:
            return
        current = Shipment.objects.select_related("order").filter(pk=shipment.pk).first()
        if current is None or current.status != status:
            return
        occurrence = f"{status}"
        if status in REPEATABLE and event is not None:
            # One message per day of the shop's calendar (not per UTC day).
            day = event.occurred_at.astimezone(shop_timezone()).date()
            occurrence = f"{status}:{day.isoformat()}"
        notify(
            current.order,
            message_type,
            dedupe_key=f"shipment:{current.pk}:{current.tracking_number}:{occurrence}",
            thread=f"shipment:{current.pk}",
            context=shipment_facts(current, event),
            items=shipment_items(current),
        )
    except Exception:
        logger.exception("Could not queue the %s message of shipment %s", status, shipment.pk)
