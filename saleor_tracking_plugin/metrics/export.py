"""CSV export of a report through a signed, short-lived link (staff open it in a browser)."""

import csv
import io
from datetime import datetime, timedelta

from django.core import signing
from django.http import HttpRequest, HttpResponse

from .. import PLUGIN_ID
from ..pages.rendering import shop_timezone
from ..saleor_glue.shop import absolute_url
from .report import FIGURES, Scope, compute

SALT = "saleor_tracking_plugin.metrics.csv"
MAX_AGE = timedelta(hours=1)


def csv_url(scope: Scope) -> str:
    """A link that downloads the report's series as CSV, valid for an hour."""
    token = signing.dumps(
        {
            "s": scope.start.isoformat(),
            "e": scope.end.isoformat(),
            "i": scope.interval,
            "ch": scope.channel,
            "ca": scope.carrier,
        },
        salt=SALT,
        compress=True,
    )
    return absolute_url(f"/plugins/global/{PLUGIN_ID}/metrics/csv/?t={token}")


def metrics_csv(request: HttpRequest) -> HttpResponse:
    """GET /metrics/csv/?t=<signed token>: one row per bucket and a total row."""
    try:
        data = signing.loads(request.GET.get("t", ""), salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return HttpResponse("This link is not valid or has expired.", status=404)
    scope = Scope(
        start=datetime.fromisoformat(data["s"]),
        end=datetime.fromisoformat(data["e"]),
        interval=data["i"],
        timezone=str(shop_timezone()),
        channel=data.get("ch"),
        carrier=data.get("ca"),
    )
    report = compute(scope)
    out = io.StringIO()
    writer = csv.writer(out)
    codes = [code for code, _label, _before in FIGURES]
    writer.writerow(["period", *codes])
    for bucket, values in report.series.items():
        writer.writerow([bucket.date().isoformat(), *(_cell(values.get(c)) for c in codes)])
    writer.writerow(["total", *(_cell(report.totals.get(c)) for c in codes)])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="post-purchase-metrics.csv"'
    return response


def _cell(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")
