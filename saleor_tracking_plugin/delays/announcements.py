"""What delays tell customers, queued through the notification engine (outbox rows).

Called by actions inside their transactions: the engine records each message once per dedupe
key and sends it after commit.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from django.utils import translation

from ..notifications.api import notify
from ..notifications.facts import message_language
from ..pages.status_labels import status_label
from ..tracking.statuses import ShipmentStatus
from .labels import cause_explanation
from .messages import DELAY_BROADCAST, DELAY_DETECTED, DELAY_UPDATE

if TYPE_CHECKING:
    from saleor.order.models import Order

    from ..notifications.models import OutboxMessage
    from ..tracking.models import Shipment
    from .models import OrderDelay, OrderDelayCause


def announce_delay(delay: "OrderDelay", new_causes: list["OrderDelayCause"]) -> list:
    """Apologise, explain the new causes in plain words and link to the choices: one message
    for the causes found together, never twice for the same first cause."""
    order = delay.order
    with translation.override(message_language(order)):
        explanation = " ".join(str(cause_explanation(cause.cause)) for cause in new_causes)
    parcels = {cause.shipment_id for cause in new_causes if cause.shipment_id}
    # In the parcel's thread, so a waiting "delivery problem" milestone gives way to it.
    thread = f"shipment:{parcels.pop()}" if len(parcels) == 1 else ""
    return notify(
        order,
        DELAY_DETECTED,
        dedupe_key=f"delay:{delay.pk}:{new_causes[0].cause}",
        context={"delay_cause": explanation, "new_estimate": delay.new_estimate},
        thread=thread,
    )


def announce_progress(
    delay: "OrderDelay", shipment: "Shipment", status: ShipmentStatus, occurred_at: datetime | None
) -> list["OutboxMessage"]:
    """Tell a consenting customer how their delayed parcel moved."""
    order = delay.order
    with translation.override(message_language(order)):
        label = str(status_label(status))
    moment = occurred_at.isoformat() if occurred_at else "now"
    return notify(
        order,
        DELAY_UPDATE,
        dedupe_key=f"delay:{delay.pk}:update:{shipment.pk}:{status.value}:{moment}",
        context={
            "shipment_status": label,
            "new_estimate": shipment.estimated_delivery or delay.new_estimate,
        },
        thread=f"shipment:{shipment.pk}",
    )


def broadcast_dedupe_key(broadcast_id: int) -> str:
    """The occurrence of a broadcast in the outbox: each of its orders hears it once, ever."""
    return f"broadcast:{broadcast_id}"


def announce_broadcast(broadcast_id: int, message: str, order: "Order") -> list["OutboxMessage"]:
    """The staff's crisis message to one customer, once per broadcast."""
    return notify(
        order,
        DELAY_BROADCAST,
        dedupe_key=broadcast_dedupe_key(broadcast_id),
        context={"broadcast_message": message},
    )
