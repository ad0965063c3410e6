"""Returns listen to tracking: a return parcel the carrier delivered to the shop counts as
received when the merchant trusts the carrier's scan (setting `return_receive_on_delivery`)."""

import logging
from typing import Any

from django.dispatch import receiver

from ..config import load_settings
from ..tracking.models import Shipment, ShipmentKind
from ..tracking.signals import shipment_status_changed
from ..tracking.statuses import ShipmentStatus
from . import actions
from .errors import ReturnError
from .models import Return
from .statuses import AWAITING_PARCEL

logger = logging.getLogger(__name__)


@receiver(shipment_status_changed, dispatch_uid="stp-returns-parcel-delivered")
def on_return_parcel_delivered(
    sender: Any, shipment: Shipment, status: ShipmentStatus, **kwargs: Any
) -> None:
    """Mark the return received when its parcel is delivered back, if the merchant wants it."""
    if shipment.kind != ShipmentKind.RETURN or status != ShipmentStatus.DELIVERED:
        return
    if not load_settings().return_receive_on_delivery:
        return
    ret = Return.objects.filter(return_shipment=shipment, status__in=AWAITING_PARCEL).first()
    if ret is None:
        return
    try:
        actions.mark_received(ret, actions.Actor())
    except ReturnError:
        # Staff moved it meanwhile: their step stands.
        logger.info("Return %s was not marked received from the carrier's scan", ret.rma)
