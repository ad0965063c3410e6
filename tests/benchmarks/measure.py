"""Shared tools of the benchmarks: interleaved timing, EXPLAIN output, set-based fills.

The machine running the benchmarks is shared, so absolute times say little; each benchmark
alternates the plugin's path and its baseline in small blocks within one run, so that load
from other processes falls on both alike, and asserts on the ratio of the two.
"""

import os
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection

# `STP_BENCHMARKS=1` runs B1–B7; `STP_BENCHMARKS=peak` runs the peak rehearsal too.
BENCHMARKS = os.environ.get("STP_BENCHMARKS", "")
benchmark = pytest.mark.skipif(not BENCHMARKS, reason="benchmarks run with STP_BENCHMARKS=1")


@dataclass(frozen=True)
class Timing:
    """Total seconds of the plugin's path and of the baseline, over the same rounds."""

    name: str
    plugin_seconds: float
    baseline_seconds: float
    rounds: int
    # Each round's plugin time over the same round's baseline time.
    round_ratios: tuple[float, ...] = ()

    @property
    def ratio(self) -> float:
        """Plugin time over baseline time: 1.0 means as fast as the baseline."""
        return self.plugin_seconds / self.baseline_seconds

    @property
    def median_ratio(self) -> float:
        """The middle of the rounds' ratios: a burst of another process's work that lands on
        a few blocks of one side moves the totals, not the median."""
        return statistics.median(self.round_ratios)

    def report(self, unit: str = "round") -> str:
        plugin_ms = 1000 * self.plugin_seconds / self.rounds
        baseline_ms = 1000 * self.baseline_seconds / self.rounds
        return (
            f"{self.name}: plugin {plugin_ms:.1f} ms/{unit}, baseline {baseline_ms:.1f} ms/{unit}, "
            f"time ratio {self.ratio:.3f} over {self.rounds} {unit}s "
            f"(median of the rounds' ratios {self.median_ratio:.3f}) "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )


def interleaved(
    name: str,
    plugin: Callable[[int], object],
    baseline: Callable[[int], object],
    rounds: int,
    before: Callable[[str], object] | None = None,
) -> Timing:
    """Run plugin(i) and baseline(i) alternately, each going first every other round.

    `before(side)`, if given, runs untimed ahead of each side ("plugin" or "baseline").
    """
    plugin_seconds = baseline_seconds = 0.0
    round_ratios = []
    for index in range(rounds):
        spent_by = {}
        pair = [(plugin, "plugin"), (baseline, "baseline")]
        if index % 2:
            pair.reverse()
        for run, side in pair:
            if before is not None:
                before(side)
            started = time.perf_counter()
            run(index)
            spent = time.perf_counter() - started
            spent_by[side] = spent
            if side == "plugin":
                plugin_seconds += spent
            else:
                baseline_seconds += spent
        round_ratios.append(spent_by["plugin"] / spent_by["baseline"])
    timing = Timing(name, plugin_seconds, baseline_seconds, rounds, tuple(round_ratios))
    print("\n" + timing.report())
    return timing


def explain(title: str, sql: str, params: list | tuple = ()) -> str:
    """EXPLAIN ANALYZE of one hot query, printed into the benchmark's output."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}", params)
        plan = "\n".join(f"    {row[0]}" for row in cursor.fetchall())
    print(f"\nEXPLAIN {title}:\n{plan}")
    return plan


def explain_queryset(title: str, queryset) -> str:
    """EXPLAIN ANALYZE of the SQL Django runs for `queryset`."""
    sql, params = queryset.query.sql_with_params()
    return explain(title, sql, params)


def clone_rows(
    table: str,
    source_where: str,
    count: int,
    overrides: dict[str, str],
    driver: str = "generate_series(1, %s) AS g",
) -> int:
    """Copy one row of `table` `count` times in one INSERT … SELECT over generate_series.

    `overrides` maps columns to SQL expressions (`g` is the series number, 1..count); the
    other columns keep the source row's values. `driver` may replace the series by another
    row source named `g`. Returns the number of rows made.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
            "ORDER BY ordinal_position",
            [table],
        )
        columns = [row[0] for row in cursor.fetchall()]
        values = [overrides.get(column, f'src."{column}"') for column in columns]
        cursor.execute(
            f'INSERT INTO "{table}" ({", ".join(f'"{c}"' for c in columns)}) '
            f"SELECT {', '.join(values)} FROM {driver}, "
            f'(SELECT * FROM "{table}" WHERE {source_where} LIMIT 1) AS src',
            [count] if "%s" in driver else [],
        )
        made = cursor.rowcount
        cursor.execute(f'ANALYZE "{table}"')
    return made


# Columns of a cloned Saleor order that are not copied from its source: unique references,
# Saleor's search fields (empty, as on a new order) and metadata.
ORDER_CLONE_BLANKS = {
    "search_document": "''",
    "search_vector": "NULL",
    "external_reference": "NULL",
    "checkout_token": "''",
    "metadata": "'{}'",
    "private_metadata": "'{}'",
}


def clone_orders(source_where: str, count: int, overrides: dict[str, str], **options) -> int:
    """`clone_rows` for Saleor's orders, with `ORDER_CLONE_BLANKS` under `overrides`."""
    return clone_rows(
        "order_order", source_where, count, {**ORDER_CLONE_BLANKS, **overrides}, **options
    )


def fill_timer(what: str, without_triggers: bool = False):
    """A context manager printing how long a set-based fill took.

    `without_triggers` skips foreign-key triggers during the fill (the fill's rows point at
    rows it made or read, so there is nothing to check); only inside the test's transaction.
    """
    return _FillTimer(what, without_triggers)


class _FillTimer:
    def __init__(self, what: str, without_triggers: bool):
        self.what = what
        self.without_triggers = without_triggers

    def _replication_role(self, role: str) -> None:
        assert connection.in_atomic_block, "only inside a transaction that is rolled back"
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL session_replication_role = {role}")

    def __enter__(self):
        if self.without_triggers:
            self._replication_role("replica")
        self.started = time.perf_counter()
        return self

    def __exit__(self, exc_type, *exc_info):
        if self.without_triggers and exc_type is None:
            self._replication_role("origin")
        print(f"\nfilled {self.what} in {time.perf_counter() - self.started:.1f} s")


def drop_indexes_for_fill(table: str, keep: tuple[str, ...]) -> list[str]:
    """Drop `table`'s indexes other than its primary key and `keep`, inside the test's
    transaction: a large fill then writes only the indexes the measured queries can use, and
    the rollback at the end of the test brings every dropped index back.

    Saleor's order table has about 30 indexes (trigram, JSON, search), which make a
    million-row fill take minutes; no query a benchmark times reads them (its EXPLAIN shows
    what is read). Returns the names dropped, also printed.
    """
    assert connection.in_atomic_block, "only inside a transaction that is rolled back"
    with connection.cursor() as cursor:
        # Foreign keys pending from the test's fixtures are checked now: a table with
        # pending checks cannot be altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, c.conname FROM pg_index i "
            "LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid "
            "WHERE i.indrelid = %s::regclass AND NOT i.indisprimary",
            [table],
        )
        dropped = []
        for index, constraint in cursor.fetchall():
            if index in keep:
                continue
            if constraint:
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{constraint}"')
            else:
                cursor.execute(f'DROP INDEX "{index}"')
            dropped.append(index)
    print(f"\n{table}: {len(dropped)} indexes no measured query reads dropped for the fill")
    return dropped


# Tables read before a request to the plugin's endpoint reaches its own code: Saleor's
# plugin routing loads every plugin's configuration; Saleor's JWT authentication loads the
# user and the site settings (password login mode); a staff check loads the permissions.
_SALEOR_STEPS = (
    ("Saleor's plugin routing", ("plugins_pluginconfiguration",)),
    ("Saleor's authentication", ("account_user", "django_site", "site_sitesettings")),
    ("Saleor's permission check", ("permission_permission",)),
)


def query_accounting(captured: list[dict]) -> str:
    """Who made a request's SQL queries: Saleor's routing, authentication and permission
    check (paid by any endpoint behind Saleor's plugin URL) or the endpoint's own work."""
    counts: dict[str, int] = {}
    for query in captured:
        read = re.search(r' FROM "(\w+)"', query["sql"])
        table = read.group(1) if read else ""
        step = next(
            (name for name, tables in _SALEOR_STEPS if table in tables),
            "the endpoint's own work",
        )
        counts[step] = counts.get(step, 0) + 1
    return ", ".join(f"{name}: {count}" for name, count in counts.items())
