"""B4: the periodic delay scan over a large table of open orders and parcels.

Given 1,000,000 watched orders each with an open parcel (2,000,000 open rows together), of
which 4,000 are past their estimate: most found by an earlier scan (their open delay was
checked today) and 100 new ones. The scan is timed against `SELECT count(*)` over the same
rows, interleaved; bound ≤ 3. Size: STP_B4_ORDERS (default 1000000).
"""

import os
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from saleor_tracking_plugin import settings_scope
from saleor_tracking_plugin.config import load_settings
from saleor_tracking_plugin.delays import scan
from saleor_tracking_plugin.delays.config import delay_settings
from saleor_tracking_plugin.delays.models import OrderDelay, OrderDelayCause
from saleor_tracking_plugin.pages.rendering import shop_timezone
from saleor_tracking_plugin.saleor_glue.order_lookups import WATCHED_STATUSES
from saleor_tracking_plugin.tracking.models import OPEN_STATUS_VALUES, Shipment

from .measure import (
    benchmark,
    clone_orders,
    drop_indexes_for_fill,
    explain,
    fill_timer,
    interleaved,
)

ORDERS = int(os.environ.get("STP_B4_ORDERS", "1000000"))
LATE_EVERY = 250  # one order in 250 is past its estimate
NEW_EVERY = 10_000  # of those, one in 40 was not found by an earlier scan
# Saleor's order indexes the scan's queries can use; the others are dropped for the fill.
ORDER_INDEXES = ("idx_order_created_at", "order_status_idx", "order_order_number_49f06f1b_uniq")
ROUNDS = 5
BOUND = 3.0

pytestmark = benchmark


def fill_orders_and_parcels(source_order) -> int:
    """Orders cloned from `source_order` and one open parcel each, all set-based."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(number), 0) FROM order_order")
        base = cursor.fetchone()[0]
    drop_indexes_for_fill("order_order", ORDER_INDEXES)
    clone_orders(
        f"id = '{source_order.pk}'",
        ORDERS,
        {
            "id": "gen_random_uuid()",
            "number": f"{base} + g",
            # A few young orders are still being packed; the rest were shipped.
            "status": "CASE WHEN g %% 1000 = 7 THEN 'unfulfilled' ELSE 'fulfilled' END",
            "created_at": (
                "CASE WHEN g %% 1000 = 7 THEN now() - interval '1 hour' "
                "ELSE now() - (g %% 20) * interval '1 day' - interval '1 day' END"
            ),
            "updated_at": "now()",
            "user_email": "'bench' || g || '@example.com'",
        },
    )
    shipments = Shipment._meta.db_table
    delays = OrderDelay._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {shipments} (order_id, fulfillment_id, kind, carrier_code,
                tracking_number, status, status_detail, carrier_status_code, estimated_delivery,
                estimated_delivery_source, delivered_at, last_event_at, last_checked_at,
                created_at, updated_at)
            SELECT o.id, NULL, 'outbound', 'yurtici', 'B4' || o.number, 'in_transit', '', '',
                CASE WHEN o.number %% {LATE_EVERY} = 0 THEN current_date - 15
                     ELSE current_date + 3 END,
                'carrier', NULL, now() - interval '2 hours', NULL, o.created_at, now()
            FROM order_order o WHERE o.number > %s AND o.status = 'fulfilled'
            """,
            [base],
        )
        cursor.execute(
            f"""
            INSERT INTO {delays} (order_id, opened_at, resolved_at, resolution, new_estimate,
                choice, chosen_at, updates_consent, checked_at)
            SELECT o.id, now(), NULL, '', NULL, '', NULL, false, now()
            FROM order_order o WHERE o.number > %s AND o.number %% {LATE_EVERY} = 0
                AND o.number %% {NEW_EVERY} <> 0 AND o.status = 'fulfilled'
            """,
            [base],
        )
        cursor.execute(f"ANALYZE {shipments}")
        cursor.execute(f"ANALYZE {delays}")
    return base


def warm_up(order, now, settings) -> None:
    """One untimed scan finding one late order, so that the first timed round does not pay
    for importing the holiday calendar and message templates."""
    Shipment.objects.create(
        order=order,
        carrier_code="yurtici",
        tracking_number="B4WARMUP",
        status="in_transit",
        estimated_delivery=now.date() - timedelta(days=15),
    )
    assert scan.scan(now, settings) == 1


def test_the_delay_scan_against_a_count_of_the_same_rows(order):
    settings = load_settings()
    now = timezone.now().astimezone(shop_timezone())
    warm_up(order, now, settings)
    with fill_timer(f"{ORDERS} orders and their parcels", without_triggers=True):
        base = fill_orders_and_parcels(order)
    delays = settings.typed(delay_settings)
    since = now - timedelta(days=delays.window_days)
    shipments = Shipment._meta.db_table
    open_list = ", ".join(f"'{value}'" for value in OPEN_STATUS_VALUES)
    watched_list = ", ".join(f"'{value}'" for value in WATCHED_STATUSES)
    count_sql = (
        f"SELECT (SELECT count(*) FROM order_order WHERE status IN ({watched_list}) "
        f"AND created_at >= %s) + (SELECT count(*) FROM {shipments} "
        f"WHERE kind = 'outbound' AND status IN ({open_list}))"
    )
    counted = []
    found = []

    def baseline(_round):
        with connection.cursor() as cursor:
            cursor.execute(count_sql, [since])
            counted.append(cursor.fetchone()[0])

    def plugin(_round):
        # As in `scan_for_delays_task`: one Celery task, settings read once for all of it.
        settings_scope.begin_scope()
        try:
            found.append(scan.scan(now, load_settings()))
        finally:
            settings_scope.end_scope()

    timing = interleaved("B4 delay scan", plugin, baseline, ROUNDS)

    explain("B4 baseline count", count_sql, [since])
    late_sql, late_params = (
        scan.parcels_past_a_deadline(now, delays.policy.no_scan_hours)
        .order_by()
        .values("order_id")
        .query.sql_with_params()
    )
    explain(
        "B4 orders of parcels past a deadline",
        f"WITH late AS MATERIALIZED ({late_sql}) SELECT DISTINCT order_id FROM late LIMIT %s",
        [*late_params, scan.SCAN_LIMIT],
    )
    new_late = ORDERS // NEW_EVERY
    print(
        f"B4 rows counted: {counted[0]}; new causes found per round: {found}; "
        f"time ratio {timing.ratio:.2f} (bound {BOUND})"
    )
    # then the new late orders were found in the first round, and nothing twice
    assert found == [new_late] + [0] * (ROUNDS - 1)
    assert OrderDelayCause.objects.filter(delay__order__number__gt=base).count() == new_late
    assert timing.ratio <= BOUND
