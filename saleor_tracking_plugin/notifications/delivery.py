"""Sending one outbox message: claim it, check consent again, hand it to its channel."""

import logging
from collections.abc import Callable

from django.core.cache import cache

from ..config import Settings, load_settings
from . import actions
from .catalog import Category, Channel
from .channels.base import SendError, SendResult
from .channels.crm_webhook import send_crm_webhook
from .channels.email import send_email
from .channels.sms import send_sms
from .channels.whatsapp import send_whatsapp
from .config import notification_settings
from .consent import is_allowed
from .models import OutboxMessage
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


def send_due_messages(batch_size: int = 100) -> int:
    """Send due messages one after another, in one task; returns how many were tried.

    Each message is still claimed, leased and finished on its own (`deliver`), so two
    senders share the outbox without sending a message twice; only the task's start, its
    database connection and its settings read are shared.
    """
    tried = 0
    while tried < MAX_MESSAGES_PER_TASK:
        message_ids = actions.due_message_ids(limit=batch_size)
        if not message_ids:
            # Harmless where the key already expired; with a shared cache (and run eagerly) the
            # next queued message starts a sender without waiting for it to expire.
            cache.delete(actions.SENDER_KEY)
            return tried
        for message_id in message_ids:
            tried += 1
            try:
                deliver(message_id)
            except Exception:  # one message's trouble must not stop the others
                logger.exception("Sending outbox message %s failed", message_id)
    actions.kick_sender()
    return tried


def deliver(message_id: int) -> str:
    """Try to send one message; returns what happened (for logs and tests).

    Outcomes: "skipped" (not due, already sent, or another worker holds it), "sent",
    "retry" (queued again after a back-off), "failed", "cancelled".
    """
    held = actions.claim(message_id)
    if held is None:
        return "skipped"
    message = held.message
    settings = load_settings()
    if held.message.attempts > MAX_ATTEMPTS:
        actions.mark_failed(held, "Abandoned: the worker stopped during every attempt")
        return "failed"
    if not is_allowed(message.recipient, Channel(message.channel), Category(message.category)):
        actions.mark_cancelled(held, "The customer opted out before it was sent")
        return "cancelled"
    try:
        actions.refresh_live_facts(held, settings)
    except Exception:  # the text as queued is still right, only possibly less current
        logger.exception("Could not refresh the facts of outbox message %s", message_id)
    sender = senders().get(Channel(message.channel))
    if sender is None:
        actions.mark_failed(held, f"No sender for channel {message.channel}")
        return "failed"
    try:
        result = sender(message, settings)
    except SendError as error:
        return _after_failure(held, str(error), error.transient, settings)
    except Exception as error:  # a bug or an unforeseen library error: retry, keep the trace
        logger.exception("Sending outbox message %s failed unexpectedly", message_id)
        return _after_failure(held, f"{type(error).__name__}: {error}", True, settings)
    actions.mark_sent(held, result.provider, result.provider_message_id)
    return "sent"


def _after_failure(held: actions.Claim, error: str, transient: bool, settings: Settings) -> str:
    if should_retry(held.message.attempts, transient):
        due = actions.schedule_retry(held, error, settings.typed(notification_settings))
        if due is not None:
            from .tasks import send_message_task

            send_message_task.apply_async((held.message.pk,), eta=due)
        return "retry"
    actions.mark_failed(held, error)
    return "failed"
