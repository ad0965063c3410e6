"""The one entry point other capabilities use to message a customer about an order."""

from typing import TYPE_CHECKING, Any

from .actions import queue_message
from .catalog import get_message_type
from .models import OutboxMessage

if TYPE_CHECKING:
    from saleor.order.models import Order


def notify(
    order: "Order",
    message_type: str,
    *,
    dedupe_key: str,
    context: dict[str, Any] | None = None,
    thread: str = "",
    items: list[dict[str, Any]] | None = None,
) -> list[OutboxMessage]:
    """Queue one message of a declared type about `order` on every enabled, consented channel.

    `dedupe_key` names the occurrence (e.g. f"return:{ret.pk}:approved"): each (order,
    message type, dedupe key, channel) is queued at most once, however often this is called.
    `context` adds the facts the type's texts need beyond those derived from the order
    (customer name, order number, items, tracking link); dates are shown in the customer's
    language. `thread` groups messages about one subject (e.g. f"shipment:{shipment.pk}") so
    that a type's `supersedes` drops older ones still waiting. `items` ({"name", "quantity"})
    replaces the order's lines when the message is about part of it (one parcel's contents).
    Returns the rows queued now;
    sending happens in Celery after the caller's transaction commits.
    """
    return queue_message(
        order, get_message_type(message_type), dedupe_key, context or {}, thread=thread, items=items
    )


def already_notified(order: "Order", message_type: str, dedupe_key: str) -> bool:
    """Whether the outbox holds a message of this type and dedupe key about `order`, on any
    channel and in any state (queued, sent, failed or superseded)."""
    return OutboxMessage.objects.filter(
        order=order, message_type=message_type, dedupe_key=dedupe_key
    ).exists()
