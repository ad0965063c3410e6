"""Everything the plugin writes into Saleor's orders: timeline events and public metadata.

Kept in one module so that a difference between Saleor versions is absorbed here.
"""

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from saleor.order import OrderEvents
from saleor.order.events import external_notification_event
from saleor.order.models import Order, OrderEvent

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App

METADATA_PREFIX = "tracking."


def add_timeline_event(
    order: Order,
    message: str,
    parameters: dict[str, Any] | None = None,
    user: "User | None" = None,
    app: "App | None" = None,
) -> None:
    """Tell the story on the order's timeline in the Saleor dashboard."""
    external_notification_event(
        order=order, user=user, app=app, message=message, parameters=parameters or {}
    )


def add_timeline_events(entries: Iterable[tuple[Order, str, dict[str, Any]]]) -> None:
    """Several timeline events, given as (order, message, parameters), in one INSERT; each
    the same as `add_timeline_event` writes without a user or app."""
    OrderEvent.objects.bulk_create(
        [
            OrderEvent(
                order=order,
                type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION,
                parameters={**parameters, "message": message},
            )
            for order, message, parameters in entries
        ]
    )


def rewrite_timeline_messages(
    parameter: str, ids: Iterable[Any], render: Callable[[dict[str, Any]], str]
) -> int:
    """Replace the text of the plugin's timeline events whose `parameter` (e.g. "call_id") is
    one of `ids` with `render(event parameters)`; returns the events changed.

    Used by erasure: the plugin wrote these texts, so it is the one that can wipe them.
    """
    events = list(
        OrderEvent.objects.filter(
            type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION,
            **{f"parameters__{parameter}__in": list(ids)},
        )
    )
    for event in events:
        event.parameters = {**event.parameters, "message": render(event.parameters)}
    OrderEvent.objects.bulk_update(events, ["parameters"])
    return len(events)


def replace_public_metadata(
    order_id: Any, values: dict[str, str], keep: Callable[[str, str], bool] | None = None
) -> None:
    """Set the plugin's keys in the order's public metadata, leaving every other key alone.

    The order row is locked so a concurrent metadata write from Saleor is not lost. A key
    for which `keep(key, current value)` is true keeps its current value (e.g. a signed link
    that is still fresh, so an unchanged order is not rewritten).
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().only("pk", "metadata").get(pk=order_id)
        current = order.metadata or {}
        for key in values:
            value = current.get(f"{METADATA_PREFIX}{key}")
            if keep and value and keep(key, value):
                values = {**values, key: value}
        metadata = {
            key: value
            for key, value in (order.metadata or {}).items()
            if not key.startswith(METADATA_PREFIX)
        }
        metadata.update({f"{METADATA_PREFIX}{key}": value for key, value in values.items()})
        if metadata != order.metadata:
            order.metadata = metadata
            order.save(update_fields=["metadata"])


def json_value(value: Any) -> str:
    """Saleor's metadata holds strings: structured values are stored as compact JSON."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
