"""At most one queued shipment sync per fulfillment, however many of Saleor's hooks ask.

Saleor calls `tracking_number_updated`, `fulfillment_created` and often `fulfillment_approved`
for one `orderFulfill` with a tracking number, one by one after its commit; the sync is
idempotent, so every run after the first was waste (two runs of three in the peak
rehearsal, over a third of the task's time). A
`PendingShipmentSync` row says "a sync of this fulfillment is queued and has not started":

- a hook queues the task only when it wrote the row (`claim`);
- the task deletes the row before it reads the fulfillment (`release`), so a hook after that
  queues again, and a hook before it is covered by the task reading the latest state;
- a row older than `STALE_AFTER` is a lost task's (a worker crash, a purged queue): the next
  hook takes it over and queues again, so a lost task never blocks later changes;
- when queueing fails the row is deleted again, and the reconciliation task catches up;
  it also runs the syncs whose task was lost (`lost`), for changes no later hook repeats.

The rows and the clock are PostgreSQL's: the web and worker processes share nothing else.
"""

import contextlib
from datetime import timedelta

from django.db import connection, transaction
from django.db.models.functions import Now

from .models import PendingShipmentSync

# Longer than a task waits in the queue at peak (up to about five minutes in the rehearsal):
# a younger row is a task still coming, an older one a lost task.
STALE_AFTER = timedelta(minutes=10)

_TABLE = PendingShipmentSync._meta.db_table
# On conflict with a fresh row nothing is updated, but PostgreSQL still locks that row until
# this transaction ends: inside Saleor's transaction, the task's `release` then waits for
# Saleor's commit, so the sync it runs next reads what Saleor committed.
_CLAIM = (
    f"INSERT INTO {_TABLE} AS pending (fulfillment_id, requested_at) VALUES (%s, now()) "
    "ON CONFLICT (fulfillment_id) DO UPDATE SET requested_at = EXCLUDED.requested_at "
    "WHERE pending.requested_at < now() - make_interval(secs => %s) RETURNING fulfillment_id"
)
_RELEASE = f"DELETE FROM {_TABLE} WHERE fulfillment_id = %s"


def claim(fulfillment_id: int) -> bool:
    """Mark the fulfillment's sync as queued; True if the caller must queue it (no sync was
    pending, or the pending one was lost), False if a queued sync will read this change."""
    # Inside Saleor's transaction a savepoint keeps a failure here from breaking Saleor's
    # work; outside one the statement commits by itself.
    savepoint = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
    with savepoint, connection.cursor() as cursor:
        cursor.execute(_CLAIM, [fulfillment_id, STALE_AFTER.total_seconds()])
        return cursor.fetchone() is not None


def release(fulfillment_id: int) -> None:
    """Forget the fulfillment's pending sync: it starts now, or it could not be queued."""
    with connection.cursor() as cursor:
        cursor.execute(_RELEASE, [fulfillment_id])


def lost() -> list[int]:
    """Fulfillments whose queued sync is older than `STALE_AFTER`: its task was lost."""
    return list(
        PendingShipmentSync.objects.filter(requested_at__lt=Now() - STALE_AFTER).values_list(
            "fulfillment_id", flat=True
        )
    )
