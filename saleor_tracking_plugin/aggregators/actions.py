"""The webhook inbox: a verified delivery is stored in one INSERT and answered at once; the
inbox task applies waiting deliveries in batches, oldest first.

A repeat of a stored delivery (same provider and delivery id) is recognised by the INSERT
itself (ON CONFLICT DO NOTHING) and changes nothing. A delivery is never lost: it waits in
the table until a task applies it; a task that dies mid-batch rolls its batch back, and the
next run (kicked by the next delivery, or by beat every minute) takes it again.
"""

import json
import logging

from django.core.cache import cache
from django.db import connection, transaction

from ..carriers.actions import apply_update
from ..carriers.models import WebhookDelivery
from ..carriers.registry import get_carrier
from ..config import Settings
from ..tracking.models import Shipment
from ..tracking.statuses import ShipmentStatus
from .base import Delivery
from .providers import PROVIDERS

logger = logging.getLogger(__name__)

Outcome = WebhookDelivery.Outcome
BATCH_SIZE = 200
# Deliveries arriving within this many seconds share one run of the inbox task.
KICK_SECONDS = 1
KICK_KEY = "stp:webhook-inbox-kick"


def accept(delivery: Delivery, body: bytes) -> str:
    """Store a verified delivery to be applied; "accepted", or "duplicate" for a repeat."""
    table = WebhookDelivery._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (provider, delivery_id, tracking_number, outcome, detail, "
            "body, received_at) VALUES (%s, %s, %s, %s, '', %s, now()) "
            "ON CONFLICT (provider, delivery_id) DO NOTHING RETURNING id",
            [
                delivery.provider,
                delivery.delivery_id,
                delivery.update.tracking_number[:255],
                Outcome.PENDING,
                # Whatever encoding JSON allows; parsed again from UTF-8 when applied.
                body.decode(json.detect_encoding(body)),
            ],
        )
        stored = cursor.fetchone() is not None
    if not stored:
        logger.warning(
            "Refused %s delivery %s: already received (repeat or replay)",
            delivery.provider,
            delivery.delivery_id,
        )
        return "duplicate"
    transaction.on_commit(kick)
    return "accepted"


def kick() -> None:
    """Have the inbox task run soon; deliveries within KICK_SECONDS share one run.

    The run is due KICK_SECONDS later, when the key has expired: a delivery stored while the
    key holds is committed before that run reads the inbox.
    """
    from .tasks import apply_webhook_inbox_task

    try:
        if cache.add(KICK_KEY, 1, timeout=KICK_SECONDS):
            apply_webhook_inbox_task.apply_async(countdown=KICK_SECONDS)
    except Exception:
        # Beat runs the inbox task every minute: the delivery waits, it is not lost.
        logger.exception("Could not enqueue the webhook inbox task")


def apply_waiting(settings: Settings, batch_size: int = BATCH_SIZE) -> int:
    """Apply one batch of waiting deliveries; returns how many were taken.

    The batch is locked with SKIP LOCKED, so two workers share the inbox without waiting
    for each other or applying a delivery twice.
    """
    with transaction.atomic():
        batch = list(
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .filter(outcome=Outcome.PENDING)
            .order_by("id")[:batch_size]
        )
        if not batch:
            return 0
        numbers = {_normalized(row.tracking_number) for row in batch}
        candidates: dict[str, list[Shipment]] = {}
        for shipment in (
            Shipment.objects.filter(tracking_number__in=numbers)
            .exclude(status=ShipmentStatus.CANCELLED)
            .order_by("-pk")
        ):
            candidates.setdefault(shipment.tracking_number, []).append(shipment)
        for row in batch:
            _apply_one(row, candidates, settings)
    return len(batch)


def _apply_one(
    row: WebhookDelivery, candidates: dict[str, list[Shipment]], settings: Settings
) -> None:
    try:
        with transaction.atomic():
            delivery = PROVIDERS[row.provider].parse(row.body.encode(), settings.local_zone())
            shipments = _matching(delivery, candidates.get(_normalized(row.tracking_number), []))
            for shipment in shipments:
                apply_update(shipment, delivery.update, f"webhook:{delivery.provider}", settings)
            row.shipment = shipments[0] if shipments else None
            row.outcome = Outcome.APPLIED if shipments else Outcome.UNMATCHED
            row.save(update_fields=["shipment", "outcome"])
    except Exception as error:
        # Kept with its body and the reason, not retried for ever: one bad delivery must not
        # hold up the ones behind it.
        logger.exception("Could not apply %s delivery %s", row.provider, row.delivery_id)
        WebhookDelivery.objects.filter(pk=row.pk).update(
            outcome=Outcome.FAILED, detail=f"{type(error).__name__}: {error}"[:2000]
        )
        return
    if not shipments:
        logger.info(
            "%s delivery %s names no tracked parcel (%s)",
            row.provider,
            row.delivery_id,
            row.tracking_number,
        )


def _normalized(number: str) -> str:
    return number.replace(" ", "").upper()


def _matching(delivery: Delivery, candidates: list[Shipment]) -> list[Shipment]:
    # The same number may exist at two carriers; the provider's carrier decides when it names
    # one the plugin knows.
    carrier = get_carrier(delivery.carrier_hint) if delivery.carrier_hint else None
    if carrier is not None:
        same_carrier = [s for s in candidates if s.carrier_code in ("", carrier.code)]
        if same_carrier:
            return same_carrier
    return candidates
