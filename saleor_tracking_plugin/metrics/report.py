"""Post-purchase figures of a period, by bucket and overall, with a comparison period."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Min

from ..tracking.models import Shipment
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
    params: dict[str, Any] = {
        "start": scope.start,
        "end": scope.end,
        "tz": scope.timezone,
        "interval": scope.interval,
        "channel": scope.channel,
        "carrier": scope.carrier,
    }
    report = Report()
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


def plugin_started_at() -> datetime | None:
    """When the plugin first ran: its first tracked parcel (None before it tracked any)."""
    return Shipment.objects.aggregate(first=Min("created_at"))["first"]
