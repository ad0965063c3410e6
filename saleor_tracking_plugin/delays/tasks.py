"""Celery tasks of delays, on Saleor's own Celery app; schedule the scan with Celery beat
(README: Delays)."""

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer
from saleor.order import OrderStatus
from saleor.order.models import Order

from ..config import load_settings
from ..tracking.models import Shipment
from ..tracking.statuses import FINISHED_STATUSES, ShipmentStatus
from . import actions
from .models import OrderDelay

WATCHED_ORDER_STATUSES = [
    OrderStatus.UNCONFIRMED,
    OrderStatus.UNFULFILLED,
    OrderStatus.PARTIALLY_FULFILLED,
    OrderStatus.FULFILLED,
]


@app.task
@allow_writer()
def scan_for_delays_task() -> int:
    """Look at every recent order that is not over yet; returns how many new causes it found."""
    settings = load_settings()
    if not settings.delay_detection_enabled:
        return 0
    since = timezone.now() - timedelta(days=settings.delay_detection_window_days)
    # A fulfilled order whose parcels all reached an end can no longer be late.
    active_parcels = Shipment.objects.filter(order_id=OuterRef("pk")).exclude(
        status__in=FINISHED_STATUSES
    )
    candidates = (
        Order.objects.filter(created_at__gte=since, status__in=WATCHED_ORDER_STATUSES)
        .exclude(Q(status=OrderStatus.FULFILLED) & ~Exists(active_parcels))
        .values_list("pk", flat=True)
    )
    found = 0
    for order_id in candidates.iterator():
        found += len(actions.detect_order_delays(order_id, settings=settings))
    for order_id in OrderDelay.objects.filter(resolved_at__isnull=True).values_list(
        "order_id", flat=True
    ):
        actions.resolve_if_over(order_id)
    return found


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
