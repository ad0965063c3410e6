"""Erasure of a deleted customer's messages: the words and addresses go (here and on the
order's timeline), the type, channel, status and times stay for the figures."""

from django.db.models import Q
from django.utils import timezone

from ..saleor_glue.order_joins import placed_with_email
from ..saleor_glue.orders import rewrite_timeline_messages
from .actions import CHANNEL_NAMES
from .catalog import Channel
from .models import MessageStatus, OutboxMessage


def erase_customer_messages(email: str) -> int:
    """Wipe recipient, texts, facts and provider errors of every message about orders placed
    with `email`; messages still waiting are cancelled (there is nobody left to tell).
    Returns the messages touched."""
    of_customer = OutboxMessage.objects.filter(placed_with_email(email))
    of_customer.filter(Q(status=MessageStatus.QUEUED) | Q(status=MessageStatus.SENDING)).update(
        status=MessageStatus.CANCELLED, lease_until=None, lease_token=None
    )
    kinds = {
        pk: f"{CHANNEL_NAMES[Channel(channel)]} {message_type}"
        for pk, channel, message_type in of_customer.values_list("pk", "channel", "message_type")
    }
    rewrite_timeline_messages(
        "outbox_message_id",
        kinds,
        lambda event: f"{kinds[event['outbox_message_id']]} (recipient erased)",
    )
    return of_customer.update(
        recipient="",
        subject="",
        body="",
        body_html="",
        facts={},
        last_error="",
        updated_at=timezone.now(),
    )
