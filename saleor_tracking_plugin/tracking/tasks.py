"""Celery tasks of tracking, on Saleor's own Celery app."""

from datetime import timedelta

from django.utils import timezone
from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from ..saleor_glue.fulfillments import untracked_fulfillment_ids
from . import actions
from .models import Shipment


@app.task
@allow_writer()
def sync_fulfillment_shipment_task(fulfillment_id: int) -> None:
    """Create or update the shipment of a fulfillment after Saleor committed it."""
    actions.sync_shipment_for_fulfillment(fulfillment_id)


@app.task
@allow_writer()
def cancel_fulfillment_shipment_task(fulfillment_id: int) -> None:
    """Stop tracking a cancelled fulfillment."""
    actions.cancel_shipment_for_fulfillment(fulfillment_id)


@app.task
@allow_writer()
def cancel_order_shipments_task(order_id: str) -> None:
    """Stop tracking every parcel of a cancelled order."""
    actions.cancel_order_shipments(order_id)


@app.task
@allow_writer()
def reconcile_shipments_task(days: int = 30) -> int:
    """Catch up with hook work that was lost (broker down, worker crash): fulfillments with a
    tracking number and no parcel are brought under tracking, and parcels of fulfillments or
    orders Saleor cancelled stop being tracked.

    Returns how many parcels were started or stopped.
    """
    since = timezone.now() - timedelta(days=days)
    missing = untracked_fulfillment_ids(since, Shipment.objects.all())
    count = 0
    for fulfillment_id in missing.iterator():
        if actions.sync_shipment_for_fulfillment(fulfillment_id):
            count += 1
    return count + actions.stop_tracking_cancelled(since)
