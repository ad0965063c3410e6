"""Post-purchase figures of a period, by bucket and overall, with a comparison period."""

import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import connection
from django.utils import timezone

from . import sql

# Code, label and whether Saleor's own history has what the figure needs before the plugin.
FIGURES: tuple[tuple[str, str, bool], ...] = (
    ("return_rate", "Return rate (items returned ÷ items fulfilled)", True),
    ("return_duration_median_days", "Return duration, median (days)", False),
    ("return_duration_p90_days", "Return duration, 90th percentile (days)", False),
    ("return_success_rate", "Return success rate", False),
    ("csat", "CSAT (share of 4 and 5)", False),
    ("response_rate", "Survey response rate", False),
    ("feedback_count", "Feedback count", False),
    ("complaint_first_response_median_hours", "Complaint first response, median (hours)", False),
    ("complaint_response_within_sla", "Complaints answered within SLA", False),
    ("repeat_purchase_rate", "Repeat purchase rate (90 days)", True),
    ("on_time_delivery_rate", "On-time delivery rate", False),
    ("delay_rate", "Delay rate", False),
)
INTERVALS = ("day", "week", "month")
# Figures that are counts: a bucket without rows has 0 of them (the others have no value).
COUNTS = ("feedback_count",)
# More buckets than this (e.g. years by day) is refused: nobody reads such a series.
MAX_BUCKETS = 400


@dataclass(frozen=True)
class Scope:
    """Which orders and period a report covers."""

    start: datetime
    end: datetime
    interval: str
    timezone: str
    channel: str | None = None
    carrier: str | None = None


@dataclass
class Report:
    """Figures overall (`totals`) and per bucket (`series`), and delays by cause."""

    totals: dict[str, float | None] = field(default_factory=dict)
    series: dict[datetime, dict[str, float | None]] = field(default_factory=dict)
    delays_by_cause: dict[str, int] = field(default_factory=dict)


def compute(scope: Scope) -> Report:
    """Run one aggregate statement per figure group and gather the results."""
    if scope.interval not in INTERVALS:
        raise ValueError(f"Unknown interval {scope.interval!r}")
    starts = buckets(scope)
    if len(starts) > MAX_BUCKETS:
        raise ValueError(
            f"The period has {len(starts)} {scope.interval}s; at most {MAX_BUCKETS} buckets: "
            "choose a longer interval or a shorter period."
        )
    params: dict[str, Any] = {
        "start": scope.start,
        "end": scope.end,
        "tz": scope.timezone,
        "interval": scope.interval,
        "channel": scope.channel,
        "carrier": scope.carrier,
        "now": timezone.now(),
    }
    report = Report(series={bucket: dict.fromkeys(COUNTS, 0.0) for bucket in starts})
    with connection.cursor() as cursor:
        for statement in sql.FIGURE_QUERIES:
            cursor.execute(statement, params)
            names = [column.name for column in cursor.description][1:]
            for bucket, *values in cursor.fetchall():
                target = report.totals if bucket is None else report.series.setdefault(bucket, {})
                target.update(zip(names, values, strict=True))
        cursor.execute(sql.DELAYS_BY_CAUSE, params)
        report.delays_by_cause = {cause: count for cause, count in cursor.fetchall()}
    report.series = dict(sorted(report.series.items()))
    return report


def buckets(scope: Scope) -> list[datetime]:
    """Every bucket start of the period (shop time), so days without data are listed too."""
    zone = zoneinfo.ZoneInfo(scope.timezone)
    first = scope.start.astimezone(zone).replace(tzinfo=None)
    last = (scope.end - timedelta(microseconds=1)).astimezone(zone).replace(tzinfo=None)
    current = first.replace(hour=0, minute=0, second=0, microsecond=0)
    if scope.interval == "week":
        current -= timedelta(days=current.weekday())
    elif scope.interval == "month":
        current = current.replace(day=1)
    starts = []
    while current <= last:
        starts.append(current)
        if scope.interval == "day":
            current += timedelta(days=1)
        elif scope.interval == "week":
            current += timedelta(days=7)
        else:
            current = (current + timedelta(days=32)).replace(day=1)
    return starts
