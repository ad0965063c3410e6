"""Returns listen to tracking: the customer hears when the carrier first scans the return
parcel, and a parcel the carrier delivered to the shop counts as received when the merchant
trusts the carrier's scan (setting `return_receive_on_delivery`)."""

import logging
from typing import Any

from django.db import transaction
from django.dispatch import receiver

from ..notifications.api import notify
from ..pages.rendering import shop_timezone
from ..tracking.models import Shipment, ShipmentKind
from ..tracking.progress import TrackingEventData
from ..tracking.signals import shipment_status_changed
from ..tracking.statuses import ShipmentStatus
from . import actions
from .errors import ReturnError
from .messages import RETURN_PARCEL_IN_TRANSIT
from .models import Return
from .notices import return_facts
from .statuses import AWAITING_PARCEL, ReturnStatus
from .steps import timeline

logger = logging.getLogger(__name__)

# A carrier scan that means the parcel is moving towards the shop (the first one is announced).
MOVING_STATUSES = frozenset(
    {
        ShipmentStatus.IN_TRANSIT,
        ShipmentStatus.OUT_FOR_DELIVERY,
        ShipmentStatus.AVAILABLE_FOR_PICKUP,
        ShipmentStatus.DELAYED,
        ShipmentStatus.FAILED_ATTEMPT,
    }
)


@receiver(shipment_status_changed, dispatch_uid="stp-returns-parcel-in-transit")
def on_return_parcel_moving(
    sender: Any, shipment: Shipment, status: ShipmentStatus, **kwargs: Any
) -> None:
    """Tell the customer, once, that the carrier has their return parcel on its way."""
    if shipment.kind != ShipmentKind.RETURN or status not in MOVING_STATUSES:
        return
    with transaction.atomic():
        ret = (
            Return.objects.select_related("order")
            .filter(return_shipment=shipment, status=ReturnStatus.SHIPPED_BACK)
            .first()
        )
        if ret is not None:
            notify(
                ret.order,
                RETURN_PARCEL_IN_TRANSIT,
                # Once per return, whatever scans follow.
                dedupe_key=f"return:{ret.pk}:parcel_in_transit",
                thread=f"return:{ret.pk}",
                context=return_facts(ret),
            )


@receiver(shipment_status_changed, dispatch_uid="stp-returns-parcel-delivered")
def on_return_parcel_delivered(
    sender: Any,
    shipment: Shipment,
    status: ShipmentStatus,
    event: TrackingEventData | None = None,
    **kwargs: Any,
) -> None:
    """Mark the return received when its parcel is delivered back, if the merchant wants it."""
    if shipment.kind != ShipmentKind.RETURN or status != ShipmentStatus.DELIVERED:
        return
    if not actions.policy().receive_on_delivery:
        return
    ret = (
        Return.objects.select_related("order")
        .filter(return_shipment=shipment, status__in=AWAITING_PARCEL)
        .first()
    )
    if ret is None:
        return
    if event is not None and event.occurred_at < ret.created_at:
        # Delivered before the return was even requested: another parcel's number was entered
        # (mistyped, another order's, or reused by the carrier). Staff check what arrived.
        timeline(
            ret,
            f"Return {ret.rma}: {shipment.tracking_number} was delivered on "
            f"{event.occurred_at.astimezone(shop_timezone()):%Y-%m-%d}, before the return was "
            "requested; not counted as received",
        )
        return
    try:
        actions.mark_received(ret, actions.Actor())
    except ReturnError:
        # Staff moved it meanwhile: their step stands.
        logger.info("Return %s was not marked received from the carrier's scan", ret.rma)
