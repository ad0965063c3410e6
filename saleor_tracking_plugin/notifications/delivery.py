"""Sending outbox messages: claim a batch, check consent again, hand each to its channel."""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from ..config import Settings, load_settings
from . import actions
from .catalog import Category, Channel
from .channels.base import SendError, SendResult
from .channels.crm_webhook import send_crm_webhook
from .channels.email import send_email
from .channels.sms import send_sms
from .channels.whatsapp import send_whatsapp
from .config import notification_settings
from .consent import allowed
from .models import OutboxMessage
from .queue import sender_queue
from .retry_policy import MAX_ATTEMPTS, should_retry

logger = logging.getLogger(__name__)

# Each sender takes the settings read of its task and picks its own typed view of them.
Sender = Callable[[OutboxMessage, Settings], SendResult]


def senders() -> dict[Channel, Sender]:
    """The sender of each channel."""
    return {
        Channel.EMAIL: send_email,
        Channel.SMS: send_sms,
        Channel.WHATSAPP: send_whatsapp,
        Channel.WEBHOOK: send_crm_webhook,
    }


# A sender task stops after this many messages and hands over to a new one, so that one
# flood does not hold a worker for ever.
MAX_MESSAGES_PER_TASK = 5000
# Messages claimed by one statement, checked for consent and live facts together.
MESSAGES_PER_CLAIM = 50
# Channels whose receivers drop a repeat of an idempotency key (the CRM webhook contract):
# their messages are marked sent together after the batch's calls, so a worker that dies in
# between has them sent again, under the same keys, after the lease; the receiver keeps one
# each. Every other channel is marked sent right after its call, as a provider without such
# a key would deliver a repeat: there a crash can repeat at most the one message whose
# answer was in flight. No message is lost either way.
REPEATS_DROPPED_BY_RECEIVER = frozenset({Channel.WEBHOOK})


def send_due_messages(batch_size: int = MESSAGES_PER_CLAIM) -> int:
    """Send due messages in batches, in one task; returns how many were claimed.

    Each batch is claimed with one statement (every message with its own lease, so two
    senders share the outbox without sending a message twice), checked for consent and
    live facts with one query each and sent one call after another (see `send_claimed`).
    """
    tried = 0
    while tried < MAX_MESSAGES_PER_TASK:
        claims = actions.claim_due(limit=batch_size)
        if not claims:
            # Harmless where the key already expired; with a shared cache (and run eagerly) the
            # next queued message starts a sender without waiting for it to expire.
            cache.delete(actions.SENDER_KEY)
            return tried
        tried += len(claims)
        try:
            send_claimed(claims)
        except Exception:  # the batch's unfinished messages are sent again after their lease
            logger.exception("Sending outbox messages %s failed", _ids(claims))
    actions.kick_sender()
    return tried


def deliver(message_id: int) -> str:
    """Try to send one message; returns what happened (for logs and tests).

    Outcomes: "skipped" (not due, already sent, or another worker holds it), "sent",
    "retry" (queued again after a back-off), "failed", "cancelled".
    """
    claims = actions.claim_due(limit=1, message_id=message_id)
    if not claims:
        return "skipped"
    return send_claimed(claims)[0]


def send_claimed(claims: list[actions.Claim]) -> list[str]:
    """Send claimed messages, in order; returns each one's outcome (see `deliver`).

    Consent is checked again and live facts are read again for the whole batch just before
    its calls. Accepted messages are marked sent right after their call, or, on channels whose
    receivers drop repeats, together after the last call (see REPEATS_DROPPED_BY_RECEIVER),
    also when something unforeseen stops the batch half-way.
    """
    settings = load_settings()
    outcomes: dict[int, str] = {}
    permitted = allowed([_consent_key(held.message) for held in claims])
    to_send = []
    for held in claims:
        message = held.message
        if message.attempts > MAX_ATTEMPTS:
            actions.mark_failed(held, "Abandoned: the worker stopped during every attempt")
            outcomes[message.pk] = "failed"
        elif _consent_key(message) not in permitted:
            actions.mark_cancelled(held, "The customer opted out before it was sent")
            outcomes[message.pk] = "cancelled"
        else:
            to_send.append(held)
    try:
        actions.refresh_live_facts(to_send, settings)
    except Exception:  # the texts as queued are still right, only possibly less current
        logger.exception("Could not refresh the facts of outbox messages %s", _ids(to_send))
    accepted: list[tuple[actions.Claim, str, str]] = []
    try:
        for held in to_send:
            outcomes[held.message.pk] = _send(held, settings, accepted)
            if Channel(held.message.channel) not in REPEATS_DROPPED_BY_RECEIVER:
                actions.mark_sent(accepted)
                accepted.clear()
    finally:
        actions.mark_sent(accepted)
    return [outcomes[held.message.pk] for held in claims]


def _send(
    held: actions.Claim, settings: Settings, accepted: list[tuple[actions.Claim, str, str]]
) -> str:
    message = held.message
    if not _lease_left(held):
        actions.release(held)
        return "skipped"
    sender = senders().get(Channel(message.channel))
    if sender is None:
        actions.mark_failed(held, f"No sender for channel {message.channel}")
        return "failed"
    try:
        result = sender(message, settings)
    except SendError as error:
        return _after_failure(held, str(error), error.transient, settings)
    except Exception as error:  # a bug or an unforeseen library error: retry, keep the trace
        logger.exception("Sending outbox message %s failed unexpectedly", message.pk)
        return _after_failure(held, f"{type(error).__name__}: {error}", True, settings)
    accepted.append((held, result.provider, result.provider_message_id))
    return "sent"


def _lease_left(held: actions.Claim) -> bool:
    # A call starts only while at least half the lease is left, so it ends (HTTP timeouts
    # are far shorter) before another worker may take the message over.
    until = held.message.lease_until
    left = until - timezone.now() if until is not None else timedelta(0)
    return left.total_seconds() >= actions.lease_seconds() / 2


def _consent_key(message: OutboxMessage) -> tuple[str, Channel, Category]:
    return (message.recipient, Channel(message.channel), Category(message.category))


def _ids(claims: list[actions.Claim]) -> list[int]:
    return [held.message.pk for held in claims]


def _after_failure(held: actions.Claim, error: str, transient: bool, settings: Settings) -> str:
    if should_retry(held.message.attempts, transient):
        due = actions.schedule_retry(held, error, settings.typed(notification_settings))
        if due is not None:
            from .tasks import send_message_task

            send_message_task.apply_async((held.message.pk,), eta=due, queue=sender_queue())
        return "retry"
    actions.mark_failed(held, error)
    return "failed"
