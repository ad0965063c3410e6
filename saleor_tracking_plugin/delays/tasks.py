"""Celery tasks of delays, on Saleor's own Celery app; schedule the scan with Celery beat
(README: Delays)."""

from datetime import datetime

from django.utils import timezone
from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from ..config import load_settings
from ..pages.rendering import shop_timezone
from ..tracking.statuses import ShipmentStatus
from . import actions, broadcasts, refund_settlement, scan


@app.task
@allow_writer()
def scan_for_delays_task() -> int:
    """Look at every recent order that may be late; returns how many new causes it found."""
    return scan.scan(timezone.now().astimezone(shop_timezone()), load_settings())


@app.task
@allow_writer()
def follow_shipment_change_task(
    order_id: str, shipment_id: int, status: str, occurred_at: str | None = None
) -> None:
    """Re-check one order after a carrier scan changed one of its parcels."""
    actions.follow_shipment_change(
        order_id,
        shipment_id,
        ShipmentStatus(status),
        datetime.fromisoformat(occurred_at) if occurred_at else None,
    )


@app.task
@allow_writer()
def cancel_delayed_order_task(delay_id: int) -> None:
    """Cancel and refund an order whose customer chose to cancel after a delay."""
    actions.cancel_and_refund(delay_id)


@app.task
@allow_writer()
def settle_delay_refunds_task() -> dict[str, int]:
    """The reconciliation (beat): settle open refunds of cancelled delayed orders from Saleor's
    payment and transaction records. Returns counts by resulting refund status."""
    return refund_settlement.settle_open_delay_refunds()


@app.task
@allow_writer()
def settle_order_delay_refunds_task(order_id: str) -> None:
    """Saleor recorded a payment change of one order: settle its delay refund request."""
    refund_settlement.settle_order_delay_refunds(order_id)


@app.task
@allow_writer()
def send_broadcast_chunk_task(broadcast_id: int) -> None:
    """Queue the next chunk of a SENDING broadcast's messages, then the chunk after it."""
    if broadcasts.send_chunk(broadcast_id).more:
        send_broadcast_chunk_task.delay(broadcast_id)


@app.task
@allow_writer()
def resume_stalled_broadcasts_task() -> int:
    """The reconciliation (beat): resume broadcasts whose sending stopped (a worker crashed or
    the broker lost the chunk's task). Returns how many were resumed."""
    stalled = broadcasts.stalled_broadcasts()
    for broadcast_id in stalled:
        send_broadcast_chunk_task.delay(broadcast_id)
    return len(stalled)
