"""Every change to the outbox goes through here: idempotent, one transaction each."""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.module_loading import import_string

from ..config import Settings, load_settings
from ..pages.rendering import shop_timezone
from ..saleor_glue.fulfillments import order_items
from ..saleor_glue.orders import add_timeline_event, add_timeline_events
from ..saleor_glue.shop import shop_identity
from .catalog import PHONE_CHANNELS, Channel, MessageType, get_message_type
from .compose import compose
from .config import NotificationSettings, notification_settings
from .consent import is_allowed, normalize_email, normalize_phone
from .facts import (
    customer_email,
    customer_phone,
    format_fact,
    jsonable,
    message_language,
    order_facts,
)
from .models import MessageStatus, OutboxMessage
from .queue import sender_queue
from .quiet_hours import parse_clock, quiet_hours_end
from .rendering import is_known
from .retry_policy import LEASE_SECONDS, backoff_seconds
from .unsubscribe import Subscription, unsubscribe_url

if TYPE_CHECKING:
    from saleor.order.models import Order

logger = logging.getLogger(__name__)

# Messages queued within this many seconds share one sender task.
SENDER_KEY = "stp:outbox-sender"
SENDER_KEY_SECONDS = 1

CHANNEL_NAMES = {
    Channel.EMAIL: "Email",
    Channel.SMS: "SMS",
    Channel.WHATSAPP: "WhatsApp",
    Channel.WEBHOOK: "CRM webhook",
}


def recipient_for(
    channel: Channel, order: "Order", notifications: NotificationSettings
) -> str | None:
    """Where the message goes on this channel, or None when the order gives no address."""
    if channel == Channel.EMAIL:
        return normalize_email(customer_email(order)) or None
    if channel == Channel.SMS:
        return normalize_phone(customer_phone(order)) if notifications.sms_provider else None
    if channel == Channel.WHATSAPP:
        whatsapp = notifications.whatsapp
        if not (whatsapp.phone_number_id and whatsapp.access_token):
            return None
        return normalize_phone(customer_phone(order))
    return notifications.crm_webhook.url or None


def send_after(channel: Channel, now: datetime, notifications: NotificationSettings) -> datetime:
    """Now, or the end of the shop's quiet hours for messages that reach a phone."""
    if channel not in PHONE_CHANNELS:
        return now
    end = quiet_hours_end(
        now,
        shop_timezone(),
        parse_clock(notifications.quiet_hours_start),
        parse_clock(notifications.quiet_hours_end),
    )
    return end or now


def queue_message(
    order: "Order",
    message_type: MessageType,
    dedupe_key: str,
    context: dict[str, Any],
    thread: str = "",
    settings: Settings | None = None,
    items: list[dict[str, Any]] | None = None,
) -> list[OutboxMessage]:
    """Write the message to the outbox once per enabled channel; return the new rows.

    Repeating the call with the same dedupe key adds nothing. The new rows are handed to
    Celery after the surrounding transaction commits.
    """
    settings = settings or load_settings()
    language = message_language(order)
    items = items if items is not None else order_items(order)
    facts = order_facts(order, language, context, items)
    shop = shop_identity(settings, order)
    notifications = settings.typed(notification_settings)
    now = timezone.now()
    created_rows = []
    with transaction.atomic():
        for channel in notifications.channels_of(message_type):
            recipient = recipient_for(channel, order, notifications)
            if recipient is None:
                continue
            if not is_allowed(recipient, channel, message_type.category):
                logger.info("Not queueing %s by %s: opted out", message_type.code, channel)
                continue
            if OutboxMessage.objects.filter(
                order=order, message_type=message_type.code, dedupe_key=dedupe_key, channel=channel
            ).exists():
                continue
            channel_facts = {**facts}
            if channel != Channel.WEBHOOK:
                channel_facts["unsubscribe_link"] = unsubscribe_url(
                    Subscription(recipient, channel, message_type.category, language)
                )
            content = compose(
                message_type, channel, channel_facts, items, language, notifications, shop
            )
            row, created = OutboxMessage.objects.get_or_create(
                order=order,
                message_type=message_type.code,
                dedupe_key=dedupe_key,
                channel=channel,
                defaults={
                    "thread": thread,
                    "category": message_type.category,
                    "recipient": recipient,
                    "language": language,
                    "subject": content.subject,
                    "body": content.body,
                    "body_html": content.body_html,
                    "facts": jsonable({**channel_facts, "items_list": items}),
                    "not_before": send_after(channel, now, notifications),
                },
            )
            if created:
                created_rows.append(row)
        if created_rows and thread and message_type.supersedes:
            _cancel_superseded(order, thread, message_type)
        due = [row.pk for row in created_rows if row.not_before <= now]
        if due:
            transaction.on_commit(kick_sender)
    return created_rows


def kick_sender() -> None:
    """Have a sender task send every due message; messages queued within a second share one.

    The sender starts once the key has expired, so a message queued while the key held was
    committed before the sender looks at the outbox; one queued later starts a new sender.
    No process has to clear the key, so it works with a per-process cache too.
    """
    from .tasks import send_due_messages_task

    try:
        if cache.add(SENDER_KEY, 1, timeout=SENDER_KEY_SECONDS):
            try:
                send_due_messages_task.apply_async(
                    countdown=SENDER_KEY_SECONDS, queue=sender_queue()
                )
            except Exception:
                cache.delete(SENDER_KEY)
                raise
    except Exception:
        # The dispatcher task finds due messages that were never handed to Celery.
        logger.exception("Could not enqueue the outbox sender")


def _cancel_superseded(order: "Order", thread: str, message_type: MessageType) -> None:
    OutboxMessage.objects.filter(
        order=order,
        thread=thread,
        message_type__in=message_type.supersedes,
        status=MessageStatus.QUEUED,
    ).update(
        status=MessageStatus.CANCELLED,
        last_error=f"Superseded by {message_type.code}",
        updated_at=timezone.now(),
    )


@dataclass(frozen=True)
class Claim:
    """A message a worker holds until `lease_until`; only the holder may finish it."""

    message: OutboxMessage
    token: uuid.UUID


def lease_seconds() -> int:
    """How long a worker holds a message; Django's TRACKING_PLUGIN_MESSAGE_LEASE_SECONDS
    overrides the default (it must stay well above the providers' HTTP timeout)."""
    return int(getattr(django_settings, "TRACKING_PLUGIN_MESSAGE_LEASE_SECONDS", LEASE_SECONDS))


# Claiming a batch is one statement: the due rows are locked with SKIP LOCKED, so two workers
# claiming at once take different messages, and each row gets a lease token of its own.
_CLAIM_SQL = """
    UPDATE {table} SET status = %(sending)s, lease_until = %(until)s,
        lease_token = gen_random_uuid(), attempts = attempts + 1, updated_at = %(now)s
    WHERE id IN (
        SELECT id FROM {table}
        WHERE ((status = %(queued)s AND not_before <= %(now)s)
            OR (status = %(sending)s AND lease_until < %(now)s)) {only_one}
        ORDER BY not_before, id
        LIMIT %(limit)s
        FOR UPDATE SKIP LOCKED
    )
    RETURNING *
"""


def claim_due(limit: int, message_id: int | None = None) -> list[Claim]:
    """Take up to `limit` due messages (or only `message_id`, if it is due) for sending:
    queued ones whose time has come and ones whose previous worker's lease ran out.

    One UPDATE decides: of two workers racing for a message, exactly one gets it. The
    messages come with their orders (one query), oldest first.
    """
    now = timezone.now()
    sql = _CLAIM_SQL.format(
        table=OutboxMessage._meta.db_table,
        only_one="AND id = %(message_id)s" if message_id is not None else "",
    )
    params = {
        "sending": MessageStatus.SENDING,
        "queued": MessageStatus.QUEUED,
        "now": now,
        "until": now + timedelta(seconds=lease_seconds()),
        "limit": limit,
        "message_id": message_id,
    }
    messages = sorted(
        OutboxMessage.objects.raw(sql, params), key=lambda row: (row.not_before, row.pk)
    )
    prefetch_related_objects(messages, "order")
    return [Claim(message, message.lease_token) for message in messages]


def refresh_live_facts(claims: list[Claim], settings: Settings) -> int:
    """Rewrite claimed messages whose live facts changed since they were queued (an estimate
    that became known overnight); saved before sending, so the history shows what went out.

    Each live-facts function is asked once for all its messages. Returns how many changed.
    """
    by_function: dict[str, list[Claim]] = {}
    for held in claims:
        function = get_message_type(held.message.message_type).live_facts
        if function:
            by_function.setdefault(function, []).append(held)
    changed = 0
    for function, held_messages in by_function.items():
        wanted = [(held.message.order, held.message.thread) for held in held_messages]
        for held, current in zip(held_messages, import_string(function)(wanted), strict=True):
            changed += _rewrite(held, current, settings)
    return changed


def _rewrite(held: Claim, current: dict[str, Any], settings: Settings) -> bool:
    message = held.message
    changed = {
        key: format_fact(value, message.language)
        for key, value in current.items()
        if is_known(value)
    }
    changed = {key: value for key, value in changed.items() if message.facts.get(key) != value}
    if not changed:
        return False
    facts = {**message.facts, **changed}
    items = facts.pop("items_list", [])
    content = compose(
        get_message_type(message.message_type),
        Channel(message.channel),
        facts,
        items,
        message.language,
        settings.typed(notification_settings),
        shop_identity(settings, message.order),
    )
    message.subject, message.body, message.body_html = (
        content.subject,
        content.body,
        content.body_html,
    )
    message.facts = jsonable({**facts, "items_list": items})
    OutboxMessage.objects.filter(pk=message.pk, lease_token=held.token).update(
        subject=message.subject,
        body=message.body,
        body_html=message.body_html,
        facts=message.facts,
        updated_at=timezone.now(),
    )
    return True


def _finish(held: Claim, **changes: Any) -> bool:
    # Only the lease holder writes the outcome: a worker that overran its lease and lost the
    # message to another one must not overwrite that one's result.
    changes.setdefault("lease_until", None)
    changes.setdefault("lease_token", None)
    changes["updated_at"] = timezone.now()
    return bool(
        OutboxMessage.objects.filter(
            pk=held.message.pk, status=MessageStatus.SENDING, lease_token=held.token
        ).update(**changes)
    )


# The outcomes of a batch are written by one UPDATE; only rows still leased under the token
# this worker got are finished (one that overran its lease lost the message to another).
_SENT_SQL = """
    UPDATE {table} AS message SET status = %s, sent_at = %s, updated_at = %s,
        provider = sent.provider, provider_message_id = sent.provider_message_id,
        last_error = '', lease_until = NULL, lease_token = NULL
    FROM (VALUES {rows}) AS sent (id, token, provider, provider_message_id)
    WHERE message.id = sent.id AND message.lease_token = sent.token AND message.status = %s
    RETURNING message.id
"""


def mark_sent(sent: list[tuple[Claim, str, str]]) -> int:
    """Record the providers' acceptance of messages, given as (claim, provider, provider's
    message ID), and tell staff on each order's timeline; one transaction for all of them.
    Returns how many were still this worker's to finish."""
    if not sent:
        return 0
    now = timezone.now()
    sql = _SENT_SQL.format(
        table=OutboxMessage._meta.db_table,
        rows=", ".join(["(%s::bigint, %s::uuid, %s, %s)"] * len(sent)),
    )
    params: list[Any] = [MessageStatus.SENT, now, now]
    for held, provider, provider_message_id in sent:
        params += [held.message.pk, held.token, provider, provider_message_id[:255]]
    params.append(MessageStatus.SENDING)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            finished = {row[0] for row in cursor.fetchall()}
        add_timeline_events(
            _sent_entry(held.message, provider)
            for held, provider, _ in sent
            if held.message.pk in finished
        )
    return len(finished)


def _sent_entry(message: OutboxMessage, provider: str) -> tuple["Order", str, dict[str, Any]]:
    return (
        message.order,
        f"{CHANNEL_NAMES[Channel(message.channel)]} sent to {message.recipient}: "
        f"{message.subject or message.message_type}",
        {
            "outbox_message_id": message.pk,
            "message_type": message.message_type,
            "channel": message.channel,
            "provider": provider,
        },
    )


def release(held: Claim) -> None:
    """Put a claimed message back in the queue untried (its lease got too short to send it)."""
    _finish(held, status=MessageStatus.QUEUED, attempts=F("attempts") - 1)


def schedule_retry(held: Claim, error: str, notifications: NotificationSettings) -> datetime | None:
    """Put the message back in the queue after a back-off; returns when it is due."""
    delay = backoff_seconds(held.message.attempts, notifications.retry_base_seconds)
    due = timezone.now() + timedelta(seconds=delay)
    if _finish(held, status=MessageStatus.QUEUED, not_before=due, last_error=error[:2000]):
        return due
    return None


def mark_failed(held: Claim, error: str) -> None:
    """Give the message up and tell staff why on the order's timeline."""
    message = held.message
    with transaction.atomic():
        if not _finish(held, status=MessageStatus.FAILED, last_error=error[:2000]):
            return
        add_timeline_event(
            message.order,
            f"{CHANNEL_NAMES[Channel(message.channel)]} to {message.recipient} failed after "
            f"{message.attempts} attempt(s): {error[:300]}",
            {
                "outbox_message_id": message.pk,
                "message_type": message.message_type,
                "channel": message.channel,
            },
        )


def mark_cancelled(held: Claim, reason: str) -> None:
    """Drop a claimed message that must not go out any more (the customer opted out)."""
    _finish(held, status=MessageStatus.CANCELLED, last_error=reason)


def due_message_ids(limit: int = 500) -> list[int]:
    """Queued messages whose time has come and messages whose worker's lease ran out."""
    now = timezone.now()
    return list(
        OutboxMessage.objects.filter(
            Q(status=MessageStatus.QUEUED, not_before__lte=now)
            | Q(status=MessageStatus.SENDING, lease_until__lt=now)
        )
        .order_by("not_before")
        .values_list("pk", flat=True)[:limit]
    )
