"""Crisis broadcasts: prepared with their recipients frozen, then sent in Celery, chunk by chunk.

Sending never runs inside the staff's request: `start_sending` marks the broadcast SENDING and
queues the first chunk after commit. Each chunk takes the next pending recipients (by pk,
`SKIP LOCKED`, so two workers never take the same one), queues their messages and records each
recipient's outcome in one transaction, then queues the next chunk. A replayed chunk finds its
recipients done; the outbox's dedupe key (`broadcast:<id>` per order) stops a duplicate anyway.
A sending that stopped (worker crash, lost task) is resumed by the beat
(`resume_stalled_broadcasts`).
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings as django_settings
from django.db import transaction
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..notifications.api import already_notified
from ..saleor_glue.order_joins import order_with_contacts
from . import announcements, selection
from .actions import DelayActionError
from .messages import DELAY_BROADCAST
from .models import BroadcastStatus, DelayBroadcast, DelayBroadcastRecipient, RecipientOutcome
from .selection import BroadcastFilter

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App

logger = logging.getLogger(__name__)

MAX_BROADCAST_LENGTH = 1000
# Recipients a chunk queues in one transaction: a few seconds of work, so a crash loses little
# and other workers' tasks are not held up behind one broadcast.
CHUNK_SIZE = 500
# A broadcast SENDING with no recipient done for this long is resumed by the beat. A chunk
# takes seconds; resuming one that was only slow is harmless (chunks skip locked recipients).
STALLED_AFTER = timedelta(minutes=5)


def chunk_size() -> int:
    """Recipients per chunk; Django's TRACKING_PLUGIN_BROADCAST_CHUNK_SIZE overrides it."""
    return int(getattr(django_settings, "TRACKING_PLUGIN_BROADCAST_CHUNK_SIZE", CHUNK_SIZE))


def create_broadcast(
    criteria: BroadcastFilter,
    message: str,
    user: "User | None" = None,
    app: "App | None" = None,
) -> DelayBroadcast:
    """Freeze a crisis message and who it goes to (each affected customer once); not sent yet.

    Raises DelayActionError for an empty message, no criteria, or nobody affected.
    """
    message = message.strip()
    if not message:
        raise DelayActionError("REQUIRED", "Write the message to send.")
    if len(message) > MAX_BROADCAST_LENGTH:
        raise DelayActionError(
            "INVALID", f"The message is longer than {MAX_BROADCAST_LENGTH} characters."
        )
    if criteria.is_empty():
        raise DelayActionError("REQUIRED", "Pick the affected parcels: carrier, region or dates.")
    chosen = selection.recipients(criteria)
    if not chosen:
        raise DelayActionError("NO_RECIPIENTS", "No parcel on its way matches these criteria.")
    with transaction.atomic():
        broadcast = DelayBroadcast.objects.create(
            message=message,
            carrier_codes=list(criteria.carrier_codes),
            country=criteria.country.upper(),
            country_area=criteria.country_area.strip(),
            city=criteria.city.strip(),
            shipped_from=criteria.shipped_from,
            shipped_to=criteria.shipped_to,
            created_by_user=user,
            created_by_app=app,
        )
        DelayBroadcastRecipient.objects.bulk_create(
            DelayBroadcastRecipient(
                broadcast=broadcast, order_id=recipient.shipment.order_id, email=recipient.email
            )
            for recipient in chosen
        )
    return broadcast


def start_sending(broadcast_id: int) -> DelayBroadcast:
    """Mark a prepared broadcast SENDING and have Celery queue its messages after commit.

    Raises DelayActionError (ALREADY_SENT, ALREADY_SENDING) unless it is still a draft.
    """
    from .tasks import send_broadcast_chunk_task

    with transaction.atomic():
        broadcast = DelayBroadcast.objects.select_for_update().get(pk=broadcast_id)
        if broadcast.status == BroadcastStatus.SENT:
            raise DelayActionError("ALREADY_SENT", "This broadcast has already been sent.")
        if broadcast.status == BroadcastStatus.SENDING:
            raise DelayActionError("ALREADY_SENDING", "This broadcast is being sent.")
        broadcast.status = BroadcastStatus.SENDING
        broadcast.sending_started_at = timezone.now()
        broadcast.save(update_fields=["status", "sending_started_at"])
        transaction.on_commit(lambda: send_broadcast_chunk_task.delay(broadcast_id))
    return broadcast


@dataclass(frozen=True)
class ChunkResult:
    """What one chunk did: recipients queued and skipped now, and whether another chunk should
    follow (recipients may be left)."""

    queued: int
    skipped: int
    more: bool


def send_chunk(broadcast_id: int, size: int | None = None) -> ChunkResult:
    """Queue the message of the next `size` pending recipients of a SENDING broadcast, in one
    transaction; mark it SENT when none is left. Safe to run twice or concurrently."""
    size = size or chunk_size()
    queued = skipped = 0
    with transaction.atomic():
        broadcast = DelayBroadcast.objects.filter(pk=broadcast_id).first()
        if broadcast is None or broadcast.status != BroadcastStatus.SENDING:
            return ChunkResult(0, 0, more=False)
        pending = broadcast.recipients.filter(outcome=RecipientOutcome.PENDING)
        # Locked until commit; another worker's chunk takes the recipients after these.
        taken = list(
            pending.select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        recipients = list(
            DelayBroadcastRecipient.objects.filter(pk__in=taken)
            .select_related(*order_with_contacts())
            .order_by("pk")
        )
        now = timezone.now()
        for recipient in recipients:
            if _announce(broadcast, recipient):
                recipient.outcome = RecipientOutcome.QUEUED
                queued += 1
            else:
                recipient.outcome = RecipientOutcome.SKIPPED
                skipped += 1
            recipient.processed_at = now
        DelayBroadcastRecipient.objects.bulk_update(
            recipients, ["outcome", "processed_at"], batch_size=size
        )
    # A short chunk was the last one, unless another worker still holds some recipients; then
    # that worker's task goes on (a chunk queued here would find nothing and spin).
    finished = len(taken) < size and _finish(broadcast_id)
    return ChunkResult(queued, skipped, more=bool(taken) and not finished)


def _announce(broadcast: DelayBroadcast, recipient: DelayBroadcastRecipient) -> bool:
    """Queue the broadcast to one recipient; True when the outbox holds it for them (queued
    now or by an earlier run), False when no channel may reach them (opted out, no address)."""
    dedupe_key = announcements.broadcast_dedupe_key(broadcast.pk)
    if announcements.announce_broadcast(broadcast.pk, broadcast.message, recipient.order):
        return True
    return already_notified(recipient.order, DELAY_BROADCAST, dedupe_key)


def _finish(broadcast_id: int) -> bool:
    """Mark the broadcast SENT once no recipient is pending; False while some is (another
    worker's chunk holds it)."""
    with transaction.atomic():
        broadcast = DelayBroadcast.objects.select_for_update().get(pk=broadcast_id)
        if broadcast.status == BroadcastStatus.SENT:
            return True
        if broadcast.recipients.filter(outcome=RecipientOutcome.PENDING).exists():
            return False
        broadcast.status = BroadcastStatus.SENT
        broadcast.sent_at = timezone.now()
        broadcast.save(update_fields=["status", "sent_at"])
    logger.info("Broadcast %s sent", broadcast_id)
    return True


@dataclass(frozen=True)
class Progress:
    """How far a broadcast's sending got."""

    recipients: int
    queued: int
    skipped: int


def progress(broadcast: DelayBroadcast) -> Progress:
    """Recipients of the broadcast, and how many were queued or skipped so far (one query)."""
    counts = broadcast.recipients.aggregate(
        total=Count("pk"),
        queued=Count("pk", filter=Q(outcome=RecipientOutcome.QUEUED)),
        skipped=Count("pk", filter=Q(outcome=RecipientOutcome.SKIPPED)),
    )
    return Progress(counts["total"], counts["queued"], counts["skipped"])


def stalled_broadcasts(now: datetime | None = None) -> list[int]:
    """Broadcasts SENDING whose last recipient was done (or whose sending started) longer ago
    than STALLED_AFTER: their chunk task was lost."""
    since = (now or timezone.now()) - STALLED_AFTER
    return list(
        DelayBroadcast.objects.filter(status=BroadcastStatus.SENDING)
        .annotate(last=Coalesce(Max("recipients__processed_at"), "sending_started_at"))
        .filter(last__lt=since)
        .values_list("pk", flat=True)
    )
