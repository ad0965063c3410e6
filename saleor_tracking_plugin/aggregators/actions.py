"""Apply a verified aggregator delivery once: inbox row first, then the shipment's update."""

import logging

from django.db import IntegrityError, transaction

from ..carriers.actions import apply_update
from ..carriers.models import WebhookDelivery
from ..carriers.registry import get_carrier
from ..config import Settings
from ..tracking.models import Shipment
from ..tracking.statuses import ShipmentStatus
from .base import Delivery

logger = logging.getLogger(__name__)


def ingest(delivery: Delivery, settings: Settings) -> str:
    """Store the delivery and apply it; returns its outcome, or "duplicate" for a repeat.

    The inbox row and the shipment changes commit together: a failure leaves no row, so the
    provider's retry is applied; a repeat finds the row and changes nothing.
    """
    shipments = _matching_shipments(delivery)
    outcome = WebhookDelivery.Outcome.APPLIED if shipments else WebhookDelivery.Outcome.UNMATCHED
    try:
        with transaction.atomic():
            WebhookDelivery.objects.create(
                provider=delivery.provider,
                delivery_id=delivery.delivery_id,
                tracking_number=delivery.update.tracking_number,
                shipment=shipments[0] if shipments else None,
                outcome=outcome,
            )
            for shipment in shipments:
                apply_update(shipment, delivery.update, f"webhook:{delivery.provider}", settings)
    except IntegrityError:
        logger.warning(
            "Refused %s delivery %s: already applied (repeat or replay)",
            delivery.provider,
            delivery.delivery_id,
        )
        return "duplicate"
    if not shipments:
        logger.info(
            "%s delivery %s names no tracked parcel (%s)",
            delivery.provider,
            delivery.delivery_id,
            delivery.update.tracking_number,
        )
    return outcome


def _matching_shipments(delivery: Delivery) -> list[Shipment]:
    # The same number may exist at two carriers; the provider's carrier decides when it names
    # one the plugin knows.
    number = delivery.update.tracking_number.replace(" ", "").upper()
    candidates = list(
        Shipment.objects.filter(tracking_number=number)
        .exclude(status=ShipmentStatus.CANCELLED)
        .order_by("-pk")
    )
    carrier = get_carrier(delivery.carrier_hint) if delivery.carrier_hint else None
    if carrier is not None:
        same_carrier = [s for s in candidates if s.carrier_code in ("", carrier.code)]
        if same_carrier:
            return same_carrier
    return candidates
