"""B6: one polling round's planning over 100,000 active parcels.

Planning is choosing the due parcels of each configured carrier, within what its rate limit
allows in one round, and leasing them so the next round does not send them again. Timed
against `SELECT count(*)` over the same parcels, interleaved; bound ≤ 3.
"""

from datetime import timedelta

from django.db import connection
from django.utils import timezone

from saleor_tracking_plugin.beat import POLL_ROUND
from saleor_tracking_plugin.carriers import claims
from saleor_tracking_plugin.carriers.connectors import connector_codes, connector_for
from saleor_tracking_plugin.config import load_settings
from saleor_tracking_plugin.tracking.models import OPEN_STATUS_VALUES, Shipment

from ..saleor.carrier_helpers import CREDENTIALS
from ..saleor.helpers import configure_plugin
from .measure import benchmark, explain, explain_queryset, fill_timer, interleaved

PARCELS = 100_000
CARRIERS = ("yurtici", "aras", "mng")
ROUNDS = 5
BOUND = 3.0

pytestmark = benchmark


def fill_parcels(order) -> None:
    """100,000 parcels on their way, spread over three carriers, in one INSERT … SELECT."""
    carriers = "ARRAY[" + ", ".join(f"'{code}'" for code in CARRIERS) + "]"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {Shipment._meta.db_table} (order_id, fulfillment_id, kind,
                carrier_code, tracking_number, status, status_detail, carrier_status_code,
                estimated_delivery, estimated_delivery_source, delivered_at, last_event_at,
                last_checked_at, created_at, updated_at)
            SELECT %s, NULL, 'outbound', ({carriers})[1 + g %% 3], 'B6' || g,
                CASE WHEN g %% 2 = 0 THEN 'in_transit' ELSE 'info_received' END, '', '',
                NULL, '', NULL, now() - interval '3 hours', NULL, now() - interval '1 day',
                now()
            FROM generate_series(1, %s) AS g
            """,
            [order.pk, PARCELS],
        )
        cursor.execute(f"ANALYZE {Shipment._meta.db_table}")


def test_polling_round_planning_against_a_count_of_the_active_parcels(order):
    for code in CARRIERS:
        configure_plugin(**CREDENTIALS[code])
    with fill_timer(f"{PARCELS} active parcels"):
        fill_parcels(order)
    settings = load_settings()
    start = timezone.now()
    codes = ", ".join(f"'{code}'" for code in connector_codes())
    statuses = ", ".join(f"'{value}'" for value in OPEN_STATUS_VALUES)
    count_sql = (
        f"SELECT count(*) FROM {Shipment._meta.db_table} WHERE status IN ({statuses}) "
        f"AND tracking_number <> '' AND carrier_code IN ({codes})"
    )
    rounds = []

    def baseline(_round):
        with connection.cursor() as cursor:
            cursor.execute(count_sql)
            assert cursor.fetchone()[0] == PARCELS

    def plugin(index):
        # Each round comes after the previous round's lease ran out.
        now = start + index * (claims.DISPATCH_LEASE + timedelta(minutes=1))
        rounds.append(claims.claim_due_batches(settings, now))

    timing = interleaved("B6 polling round planning", plugin, baseline, ROUNDS)

    explain("B6 baseline count", count_sql)
    # The next round's selections: the last round's leases have run out by then.
    following = start + ROUNDS * (claims.DISPATCH_LEASE + timedelta(minutes=1))
    capacity = claims.round_capacity(connector_for("yurtici", settings).limits)
    explain_queryset("B6 due again, one carrier", claims.due_again("yurtici", following)[:capacity])
    explain_queryset("B6 never polled, one carrier", claims.never_polled("yurtici")[:capacity])
    claimed = {code: sum(len(ids) for c, ids in rounds[0] if c == code) for code in CARRIERS}
    print(f"B6 claimed per carrier in one round: {claimed}; time ratio {timing.ratio:.2f}")
    # then every carrier got work, never more than its rate limit allows in a round
    for code in CARRIERS:
        limits = connector_for(code, settings).limits
        calls = [ids for c, ids in rounds[0] if c == code]
        assert 0 < claimed[code] <= claims.round_capacity(limits)
        assert len(calls) <= limits.calls_per_minute * POLL_ROUND.total_seconds() / 60
        assert all(len(ids) <= limits.batch_size for ids in calls)
    assert timing.ratio <= BOUND
