"""Each post-purchase figure on a known shop history (tests/saleor/metrics_dataset.py): the
value, the channel and carrier filters, the buckets and both comparisons."""

from datetime import datetime

import pytest
from django.db.migrations.recorder import MigrationRecorder
from freezegun import freeze_time

from saleor_tracking_plugin.metrics.installed import plugin_installed_at
from saleor_tracking_plugin.tracking.models import Shipment

from ..fixtures import tracking_content
from . import metrics_dataset as history

METRICS = """
query Metrics($from: DateTime!, $to: DateTime!, $interval: MetricInterval, $channel: String,
              $carrier: String, $compare: MetricComparison) {
  postPurchaseMetrics(from: $from, to: $to, interval: $interval, channel: $channel,
                      carrier: $carrier, compareTo: $compare) {
    figures { code value comparison comparisonNote }
    series { start figures { code value } }
    delaysByCause { cause count }
    compareFrom
    compareTo
  }
}
"""


@pytest.fixture
def shop(order_with_lines, channel_USD, channel_PLN):
    with freeze_time(history.NOW):
        yield history.build(order_with_lines, channel_USD, channel_PLN)


def _metrics(client, start=history.PERIOD[0], end=history.PERIOD[1], **variables) -> dict:
    variables = {"from": start.isoformat(), "to": end.isoformat(), **variables}
    content = tracking_content(client.post_graphql(METRICS, variables))
    assert "errors" not in content, content["errors"]
    return content["data"]["postPurchaseMetrics"]


def _values(metrics: dict, key: str = "value") -> dict:
    return {f["code"]: f[key] for f in metrics["figures"]}


def test_return_figures_of_the_period(staff_tracking_client, shop):
    values = _values(_metrics(staff_tracking_client))

    assert values["return_rate"] == pytest.approx(3 / 11)
    assert values["return_duration_median_days"] == pytest.approx(2.0)
    assert values["return_duration_p90_days"] == pytest.approx(3.6)
    assert values["return_success_rate"] == pytest.approx(0.75)


def test_survey_figures_of_the_period(staff_tracking_client, shop):
    values = _values(_metrics(staff_tracking_client))

    assert values["csat"] == pytest.approx(2 / 3)
    assert values["response_rate"] == pytest.approx(0.75)
    assert values["feedback_count"] == 3


def test_complaint_response_figures_of_the_period(staff_tracking_client, shop):
    values = _values(_metrics(staff_tracking_client))

    assert values["complaint_first_response_median_hours"] == pytest.approx(4.0)
    # the unanswered complaint is past its due time: it counts as missed
    assert values["complaint_response_within_sla"] == pytest.approx(1 / 3)


def test_an_unanswered_complaint_not_yet_due_is_not_counted_as_missed(staff_tracking_client, shop):
    with freeze_time(history.at(13, 11)):
        values = _values(_metrics(staff_tracking_client))

    assert values["complaint_response_within_sla"] == pytest.approx(1 / 2)


def test_repeat_purchase_and_delivery_figures_of_the_period(staff_tracking_client, shop):
    metrics = _metrics(staff_tracking_client)

    values = _values(metrics)
    assert values["repeat_purchase_rate"] == pytest.approx(0.25)
    assert values["on_time_delivery_rate"] == pytest.approx(1 / 4)
    assert values["delay_rate"] == pytest.approx(3 / 4)
    assert {d["cause"]: d["count"] for d in metrics["delaysByCause"]} == {
        "carrier_exception": 1,
        "estimate_passed": 2,
        "not_shipped": 1,
    }


def test_a_channel_narrows_every_figure_to_its_orders(staff_tracking_client, shop):
    values = _values(_metrics(staff_tracking_client, channel=shop.pln))

    assert values["return_rate"] == pytest.approx(2 / 5)
    assert values["return_duration_median_days"] == pytest.approx(4.0)
    assert values["return_success_rate"] == pytest.approx(1.0)
    assert values["csat"] == pytest.approx(1.0)
    assert values["response_rate"] == pytest.approx(0.5)
    assert values["repeat_purchase_rate"] == pytest.approx(0.0)
    assert values["delay_rate"] == pytest.approx(1.0)


def test_a_carrier_narrows_the_parcel_figures(staff_tracking_client, shop):
    yurtici = _metrics(staff_tracking_client, carrier="yurtici")
    ups = _values(_metrics(staff_tracking_client, carrier="ups"))

    assert _values(yurtici)["on_time_delivery_rate"] == pytest.approx(1 / 3)
    assert _values(yurtici)["delay_rate"] == pytest.approx(2 / 3)
    assert yurtici["delaysByCause"] == [{"cause": "estimate_passed", "count": 2}]
    assert ups["on_time_delivery_rate"] == pytest.approx(0.0)
    assert ups["delay_rate"] == pytest.approx(1.0)


def _series(metrics: dict, code: str) -> dict[str, float | None]:
    return {
        bucket["start"]: next(f["value"] for f in bucket["figures"] if f["code"] == code)
        for bucket in metrics["series"]
    }


def test_day_buckets_list_every_day_of_the_period_in_shop_time(staff_tracking_client, shop):
    feedback = _series(_metrics(staff_tracking_client, interval="DAY"), "feedback_count")

    assert len(feedback) == 14
    assert {day: count for day, count in feedback.items() if count} == {
        "2026-03-06": 1,
        "2026-03-09": 1,  # 01:30 in Istanbul, still 8 March in UTC
        "2026-03-12": 1,
    }
    assert feedback["2026-03-02"] == 0


def test_week_buckets_start_on_monday(staff_tracking_client, shop):
    metrics = _metrics(staff_tracking_client, interval="WEEK")

    assert _series(metrics, "csat") == {"2026-03-02": 1.0, "2026-03-09": 0.5}
    assert _series(metrics, "return_rate") == {
        "2026-03-02": pytest.approx(1 / 3),
        "2026-03-09": 0.0,
    }


def test_month_buckets(staff_tracking_client, shop):
    metrics = _metrics(
        staff_tracking_client,
        start=datetime(2026, 2, 1, tzinfo=history.SHOP),
        end=datetime(2026, 4, 1, tzinfo=history.SHOP),
        interval="MONTH",
    )

    assert _series(metrics, "return_rate") == {
        "2026-02-01": pytest.approx(0.1),
        "2026-03-01": pytest.approx(3 / 11),
    }
    assert _series(metrics, "csat") == {"2026-02-01": None, "2026-03-01": pytest.approx(2 / 3)}


def test_previous_period_compares_with_the_two_weeks_before(staff_tracking_client, shop):
    metrics = _metrics(staff_tracking_client, compare="PREVIOUS_PERIOD")

    comparison = _values(metrics, "comparison")
    assert datetime.fromisoformat(metrics["compareFrom"]) == datetime(
        2026, 2, 16, tzinfo=history.SHOP
    )
    assert comparison["return_rate"] == pytest.approx(0.1)
    assert comparison["repeat_purchase_rate"] == pytest.approx(1.0)
    # nothing was answered then: no figure, and no note (the plugin was there)
    assert comparison["csat"] is None
    assert _values(metrics, "comparisonNote")["csat"] is None


def test_before_install_compares_with_the_two_weeks_before_the_recorded_install(
    staff_tracking_client, shop
):
    metrics = _metrics(staff_tracking_client, compare="BEFORE_INSTALL")

    comparison, notes = _values(metrics, "comparison"), _values(metrics, "comparisonNote")
    assert datetime.fromisoformat(metrics["compareTo"]) == history.INSTALLED
    assert comparison["return_rate"] == pytest.approx(0.2)
    assert comparison["repeat_purchase_rate"] == pytest.approx(1.0)
    assert notes["return_rate"] is None
    for code in ("csat", "return_duration_median_days", "on_time_delivery_rate", "delay_rate"):
        assert comparison[code] is None
        assert notes[code] == "Not measured before the plugin was installed."


def test_install_time_is_the_first_migration_of_the_plugin(shop):
    assert plugin_installed_at() == history.INSTALLED


def test_without_the_migration_record_the_first_tracked_parcel_stands_in(shop):
    MigrationRecorder.Migration.objects.filter(app="saleor_tracking_plugin").delete()

    assert plugin_installed_at() == Shipment.objects.order_by("created_at").first().created_at


def test_before_install_without_any_install_time_says_so(staff_tracking_client, db):
    MigrationRecorder.Migration.objects.filter(app="saleor_tracking_plugin").delete()

    with freeze_time(history.NOW):
        metrics = _metrics(staff_tracking_client, compare="BEFORE_INSTALL")

    assert _values(metrics, "comparisonNote")["return_rate"] == (
        "The plugin's install time is not recorded in this database."
    )


def test_a_series_of_too_many_buckets_is_refused(staff_tracking_client, db):
    variables = {
        "from": datetime(2020, 1, 1, tzinfo=history.SHOP).isoformat(),
        "to": datetime(2026, 1, 1, tzinfo=history.SHOP).isoformat(),
        "interval": "DAY",
    }

    content = tracking_content(staff_tracking_client.post_graphql(METRICS, variables))

    assert content["errors"][0]["extensions"]["code"] == "INVALID"
    assert "choose a longer interval" in content["errors"][0]["message"]
