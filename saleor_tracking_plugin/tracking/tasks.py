"""Celery tasks of tracking, on Saleor's own Celery app."""

from datetime import timedelta

from django.utils import timezone
from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from ..after_commit import enqueue_after_commit
from ..saleor_glue.fulfillments import untracked_fulfillment_ids
from . import actions, sync_queue
from .models import Shipment


@app.task
@allow_writer()
def sync_fulfillment_shipment_task(fulfillment_id: int) -> None:
    """Create or update the shipment of a fulfillment after Saleor committed it."""
    # First, and committed on its own: a hook from now on queues another run, one before
    # now is covered by this run, which reads the fulfillment afresh below.
    sync_queue.release(fulfillment_id)
    actions.sync_shipment_for_fulfillment(fulfillment_id)


def queue_shipment_sync(fulfillment_id: int) -> None:
    """Queue the fulfillment's shipment sync once the current transaction commits, unless one
    is already queued and not started (see `sync_queue`)."""
    if sync_queue.claim(fulfillment_id):
        # Nothing queued when the broker refuses it: the next hook must be free to queue it.
        enqueue_after_commit(
            sync_fulfillment_shipment_task,
            fulfillment_id,
            on_failure=lambda: sync_queue.release(fulfillment_id),
        )


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
    """Catch up with hook work that was lost (broker down, worker crash): syncs queued long
    ago and never started are run, fulfillments with a tracking number and no parcel are
    brought under tracking, and parcels of fulfillments or orders Saleor cancelled stop being
    tracked.

    Returns how many parcels were started or stopped.
    """
    for fulfillment_id in sync_queue.lost():
        sync_fulfillment_shipment_task(fulfillment_id)
    since = timezone.now() - timedelta(days=days)
    missing = untracked_fulfillment_ids(since, Shipment.objects.all())
    count = 0
    for fulfillment_id in missing.iterator():
        if actions.sync_shipment_for_fulfillment(fulfillment_id):
            count += 1
    return count + actions.stop_tracking_cancelled(since)
