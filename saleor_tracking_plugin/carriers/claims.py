"""Choosing a polling round's parcels: SQL on indexes, leased in the same statement.

Per carrier, at most what its rate limit allows in one round, in two bounded statements:
parcels whose next poll time has come (the `next_poll_at` index of polling rows, oldest
first), then parcels never asked about (the partial index `stp_pollable_idx` in id order, with
an anti-join on polling rows). Each statement writes the lease and returns only the parcels it
leased: a concurrent round that leased a parcel first makes the statement's condition false
for it, so no parcel is sent twice, without locking shipment rows. Nothing is read in Python
but the leased ids, so a round costs the same over 1,000 or 1,000,000 parcels.
"""

from datetime import datetime, timedelta

from django.db import connection
from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..beat import POLL_ROUND
from ..config import Settings, load_settings
from ..tracking.models import OPEN_STATUS_VALUES
from .actions import circuit_allows, pollable_shipments
from .connector import ConnectorLimits
from .connectors import connector_codes, connector_for
from .models import ShipmentPolling

# A dispatched batch owns its shipments this long, so the next beat does not send them twice.
DISPATCH_LEASE = timedelta(minutes=10)


def round_calls(limits: ConnectorLimits) -> int:
    """Calls one round may make to a carrier: what its rate limit allows until the next."""
    return max(1, int(limits.calls_per_minute * POLL_ROUND.total_seconds() // 60))


def round_capacity(limits: ConnectorLimits) -> int:
    """How many tracking numbers one round may claim for a carrier."""
    return round_calls(limits) * max(1, limits.batch_size)


def claim_due_batches(
    settings: Settings | None = None, now: datetime | None = None
) -> list[tuple[str, list[int]]]:
    """Due shipments of carriers that are configured and not paused, in call-sized batches.

    Claimed shipments get a lease (their next poll moves `DISPATCH_LEASE` ahead) so that a
    slow queue does not make the next round send them again.
    """
    settings = settings or load_settings()
    now = now or timezone.now()
    batches: list[tuple[str, list[int]]] = []
    for code in connector_codes():
        connector = connector_for(code, settings)
        if connector is None or not circuit_allows(code, now):
            continue
        capacity = round_capacity(connector.limits)
        due = lease_due_again(code, now, capacity)
        if len(due) < capacity:
            due += lease_never_polled(code, now, capacity - len(due))
        size = max(1, connector.limits.batch_size)
        batches.extend((code, due[i : i + size]) for i in range(0, len(due), size))
    return batches


def due_again(code: str, now: datetime):
    """Ids of the carrier's open parcels whose next poll time has come, oldest first."""
    return (
        ShipmentPolling.objects.filter(
            next_poll_at__lte=now,
            shipment__carrier_code=code,
            shipment__status__in=OPEN_STATUS_VALUES,
        )
        .exclude(shipment__tracking_number="")
        .order_by("next_poll_at", "shipment_id")
        .values_list("shipment_id", flat=True)
    )


def never_polled(code: str):
    """Ids of the carrier's open parcels without a poll time yet, in id order."""
    timed = ShipmentPolling.objects.filter(shipment_id=OuterRef("pk"), next_poll_at__isnull=False)
    return (
        pollable_shipments()
        .filter(carrier_code=code)
        .exclude(Exists(timed))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def lease_due_again(code: str, now: datetime, limit: int) -> list[int]:
    """Lease up to `limit` parcels of `due_again`; returns the ids leased."""
    select_sql, select_params = due_again(code, now)[:limit].query.sql_with_params()
    table = ShipmentPolling._meta.db_table
    sql = (
        f"UPDATE {table} AS p SET next_poll_at = %s FROM ({select_sql}) AS due(id) "
        # Checked again on the row's latest version: a lease taken meanwhile wins.
        "WHERE p.shipment_id = due.id AND p.next_poll_at <= %s RETURNING p.shipment_id"
    )
    return _run([now + DISPATCH_LEASE, *select_params, now], sql)


def lease_never_polled(code: str, now: datetime, limit: int) -> list[int]:
    """Lease up to `limit` parcels of `never_polled` (making their polling rows)."""
    select_sql, select_params = never_polled(code)[:limit].query.sql_with_params()
    columns, values, params = [], [], []
    for field in ShipmentPolling._meta.concrete_fields:
        columns.append(connection.ops.quote_name(field.column))
        if field.name == "shipment":
            values.append("due.id")
        elif field.name == "next_poll_at":
            values.append("%s")
            params.append(now + DISPATCH_LEASE)
        else:
            values.append("%s")
            params.append(field.get_db_prep_save(field.get_default(), connection))
    sql = (
        f"WITH due(id) AS ({select_sql}) "
        f"INSERT INTO {ShipmentPolling._meta.db_table} AS p ({', '.join(columns)}) "
        f"SELECT {', '.join(values)} FROM due "
        "ON CONFLICT (shipment_id) DO UPDATE SET next_poll_at = EXCLUDED.next_poll_at "
        # A row another round made or leased meanwhile is left to it.
        "WHERE p.next_poll_at IS NULL RETURNING p.shipment_id"
    )
    return _run([*select_params, *params], sql)


def _run(params: list, sql: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(row[0] for row in cursor.fetchall())
