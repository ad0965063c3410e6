"""Celery tasks of delays, on Saleor's own Celery app; the scan runs on Celery beat."""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer
from saleor.order import OrderStatus
from saleor.order.models import Order

from ..config import load_settings
from ..tracking.models import Shipment
from ..tracking.statuses import FINISHED_STATUSES
from . import actions
from .models import OrderDelay

SCAN_EVERY_SECONDS = 60 * 60
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
def check_order_delays_task(order_id: str) -> None:
    """Re-check one order after a carrier scan changed one of its parcels."""
    settings = load_settings()
    if settings.delay_detection_enabled:
        actions.detect_order_delays(order_id, settings=settings)
    actions.resolve_if_over(order_id)


@app.task
@allow_writer()
def cancel_delayed_order_task(delay_id: int) -> None:
    """Cancel and refund an order whose customer chose to cancel after a delay."""
    actions.cancel_and_refund(delay_id)


app.add_periodic_task(
    SCAN_EVERY_SECONDS, scan_for_delays_task.s(), name="saleor-tracking-plugin: delay scan"
)
