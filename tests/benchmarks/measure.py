"""Shared tools of the benchmarks: interleaved timing, EXPLAIN output, set-based fills.

The machine running the benchmarks is shared, so absolute times say little; each benchmark
alternates the plugin's path and its baseline in small blocks within one run, so that load
from other processes falls on both alike, and asserts on the ratio of the two.
"""

import os
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

    @property
    def ratio(self) -> float:
        """Plugin time over baseline time: 1.0 means as fast as the baseline."""
        return self.plugin_seconds / self.baseline_seconds

    def report(self, unit: str = "round") -> str:
        plugin_ms = 1000 * self.plugin_seconds / self.rounds
        baseline_ms = 1000 * self.baseline_seconds / self.rounds
        return (
            f"{self.name}: plugin {plugin_ms:.1f} ms/{unit}, baseline {baseline_ms:.1f} ms/{unit}, "
            f"time ratio {self.ratio:.3f} over {self.rounds} {unit}s "
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
    for index in range(rounds):
        pair = [(plugin, "plugin"), (baseline, "baseline")]
        if index % 2:
            pair.reverse()
        for run, side in pair:
            if before is not None:
                before(side)
            started = time.perf_counter()
            run(index)
            spent = time.perf_counter() - started
            if side == "plugin":
                plugin_seconds += spent
            else:
                baseline_seconds += spent
    timing = Timing(name, plugin_seconds, baseline_seconds, rounds)
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


def fill_timer(what: str):
    """A context manager printing how long a set-based fill took."""
    return _FillTimer(what)


class _FillTimer:
    def __init__(self, what: str):
        self.what = what

    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc_info):
        print(f"\nfilled {self.what} in {time.perf_counter() - self.started:.1f} s")
