"""The periodic delay scan: SQL picks the few orders that may be late, the rules decide.

Over a million open orders and parcels, only orders with a fact past a deadline are looked
at: a parcel whose estimate passed, whose scans stopped or that the carrier reports in
trouble, and an order whose handling time ran out or that Saleor could not allocate. Those
queries run on partial indexes of open parcels (migration 0007). An order whose open delay
was already checked today is skipped, so a scan stopped half-way resumes where it was and a
second scan the same day costs the selection only.
"""

from datetime import datetime, time, timedelta
from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce

from ..config import Settings
from ..saleor_glue import order_lookups
from ..tracking.models import OPEN_STATUS_VALUES, Shipment, ShipmentKind
from ..tracking.statuses import ShipmentStatus
from . import actions
from .config import delay_settings
from .models import OrderDelay
from .rules import CARRIER_DELAY_STATUSES, CARRIER_EXCEPTION_STATUSES, SCANNED_STATUSES

# Orders looked at in one scan at most; the rest are found by the next scan.
SCAN_LIMIT = 20_000

OPEN_STATUSES = OPEN_STATUS_VALUES
TROUBLE_STATUSES = [s.value for s in CARRIER_DELAY_STATUSES | CARRIER_EXCEPTION_STATUSES]


def open_outbound_shipments():
    """Outbound parcels not at an end: the rows the partial indexes cover."""
    return Shipment.objects.filter(kind=ShipmentKind.OUTBOUND, status__in=OPEN_STATUSES)


def late_parcel_filter(now: datetime, no_scan_hours: int) -> Q:
    """Parcels that may make their order late now (the rules count business days)."""
    silent_since = now - timedelta(hours=no_scan_hours)
    return (
        Q(status__in=TROUBLE_STATUSES)
        | Q(estimated_delivery__lt=now.date())
        | Q(
            status__in=[s.value for s in SCANNED_STATUSES],
            last_scan_at__lt=silent_since,
        )
    )


def parcels_past_a_deadline(now: datetime, no_scan_hours: int):
    """Open outbound parcels past a deadline, as one indexed query."""
    return (
        open_outbound_shipments()
        .annotate(last_scan_at=Coalesce("last_event_at", "created_at"))
        .filter(late_parcel_filter(now, no_scan_hours))
    )


def late_parcel_orders(now: datetime, no_scan_hours: int) -> set[Any]:
    """Orders of parcels past a deadline, at most `SCAN_LIMIT`.

    The parcels are picked first, in a materialized CTE: with the LIMIT in the same query,
    PostgreSQL walks every parcel in order-id order hoping to stop early, instead of reading
    the few late ones off the partial indexes.
    """
    late_sql, params = (
        parcels_past_a_deadline(now, no_scan_hours).order_by().values("order_id").query
    ).sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH late AS MATERIALIZED ({late_sql}) SELECT DISTINCT order_id FROM late LIMIT %s",
            [*params, SCAN_LIMIT],
        )
        return {row[0] for row in cursor.fetchall()}


def due_order_ids(now: datetime, settings: Settings) -> list[Any]:
    """Orders to run the delay rules on now, at most `SCAN_LIMIT`."""
    config = settings.typed(delay_settings)
    placed_since = now - timedelta(days=config.window_days)
    # Business days are at least as many calendar days: a superset of the overdue orders.
    handling_ends = datetime.combine(
        now.date() - timedelta(days=config.policy.handling_business_days), time.min, now.tzinfo
    )
    parcel_orders = late_parcel_orders(now, config.policy.no_scan_hours)
    candidates = set(order_lookups.watched_among(parcel_orders, placed_since))
    candidates.update(order_lookups.unshipped_due(placed_since, handling_ends, SCAN_LIMIT))
    start_of_day = datetime.combine(now.date(), time.min, now.tzinfo)
    checked_today = set(
        OrderDelay.objects.filter(
            order_id__in=list(candidates), resolved_at__isnull=True, checked_at__gte=start_of_day
        )
        .order_by()
        .values_list("order_id", flat=True)
    )
    return sorted(candidates - checked_today, key=str)[:SCAN_LIMIT]


def possibly_over_delay_order_ids() -> list[Any]:
    """Orders of open delays that may be over: cancelled, or no parcel left on its way and
    at least one delivered."""
    parcels = Shipment.objects.filter(order_id=OuterRef("order_id"), kind=ShipmentKind.OUTBOUND)
    moving = parcels.exclude(
        status__in=[ShipmentStatus.DELIVERED.value, ShipmentStatus.CANCELLED.value]
    )
    delivered = parcels.filter(status=ShipmentStatus.DELIVERED.value)
    return list(
        OrderDelay.objects.filter(resolved_at__isnull=True)
        .filter(
            Q(order_id__in=order_lookups.cancelled_orders()) | (Exists(delivered) & ~Exists(moving))
        )
        .values_list("order_id", flat=True)
    )


def scan(now: datetime, settings: Settings) -> int:
    """Run the rules on every due order; returns how many new causes were found.

    `now` is in the shop's time zone (days are the shop's days).
    """
    if not settings.typed(delay_settings).enabled:
        return 0
    found = 0
    for order_id in due_order_ids(now, settings):
        found += len(actions.detect_order_delays(order_id, now, settings=settings))
    for order_id in possibly_over_delay_order_ids():
        actions.resolve_if_over(order_id)
    return found
