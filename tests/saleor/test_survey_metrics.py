"""Post-purchase figures for staff: SQL aggregates over a period, a comparison and CSV."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_tracking_plugin.surveys.actions import Answer, submit_answer
from saleor_tracking_plugin.surveys.requests import scan_due_surveys
from saleor_tracking_plugin.tracking.models import Shipment

from ..fixtures import tracking_content
from ..survey_fixtures import another_delivered_order_of

METRICS = """
query Metrics($from: DateTime!, $to: DateTime!, $compare: MetricComparison, $channel: String) {
  postPurchaseMetrics(
    from: $from, to: $to, interval: DAY, compareTo: $compare, channel: $channel
  ) {
    figures { code value comparison comparisonNote }
    series { start figures { code value } }
    csvUrl
  }
}
"""


@pytest.fixture
def two_rated_orders(delivered_order):
    """Two delivered orders of one customer, both asked; one rated 5, the other 2."""
    second = another_delivered_order_of(delivered_order)
    type(second).objects.filter(pk=second.pk).update(
        created_at=delivered_order.created_at + timedelta(minutes=5)
    )
    scan_due_surveys()
    submit_answer(delivered_order, Answer(score=5, comment="Great"))
    submit_answer(second, Answer(score=2))
    return delivered_order, second


def _period() -> dict:
    now = timezone.now()
    return {
        "from": (now - timedelta(days=3)).isoformat(),
        "to": (now + timedelta(hours=1)).isoformat(),
    }


def _figures(content: dict) -> dict:
    return {f["code"]: f for f in content["data"]["postPurchaseMetrics"]["figures"]}


def test_survey_figures_of_the_period(staff_tracking_client, two_rated_orders):
    content = tracking_content(staff_tracking_client.post_graphql(METRICS, _period()))

    figures = _figures(content)
    assert figures["csat"]["value"] == 0.5
    assert figures["response_rate"]["value"] == 1.0
    assert figures["feedback_count"]["value"] == 2
    # the second order was placed right after the first by the same customer
    assert figures["repeat_purchase_rate"]["value"] == 1.0


def test_on_time_delivery_counts_parcels_delivered_by_their_promised_date(
    staff_tracking_client, delivered_order
):
    Shipment.objects.filter(order=delivered_order).update(estimated_delivery=timezone.now().date())

    figures = _figures(tracking_content(staff_tracking_client.post_graphql(METRICS, _period())))

    assert figures["on_time_delivery_rate"]["value"] == 1.0


def test_a_channel_counts_only_its_own_orders(staff_tracking_client, two_rated_orders):
    # given two rated orders in one channel
    own = two_rated_orders[0].channel.slug

    # when staff ask for that channel and for another one
    mine = tracking_content(
        staff_tracking_client.post_graphql(METRICS, {**_period(), "channel": own})
    )
    other = tracking_content(
        staff_tracking_client.post_graphql(METRICS, {**_period(), "channel": "no-such-channel"})
    )

    # then the ratings count in their channel only
    assert _figures(mine)["feedback_count"]["value"] == 2
    assert _figures(mine)["repeat_purchase_rate"]["value"] == 1.0
    assert _figures(other)["feedback_count"]["value"] == 0
    assert _figures(other)["csat"]["value"] is None


def test_before_install_says_which_figures_did_not_exist(staff_tracking_client, two_rated_orders):
    content = tracking_content(
        staff_tracking_client.post_graphql(METRICS, {**_period(), "compare": "BEFORE_INSTALL"})
    )

    figures = _figures(content)
    assert figures["csat"]["comparison"] is None
    assert figures["csat"]["comparisonNote"] == "Not measured before the plugin was installed."
    assert figures["return_rate"]["comparisonNote"] is None


def test_the_csv_link_downloads_the_series(client, staff_tracking_client, two_rated_orders):
    content = tracking_content(staff_tracking_client.post_graphql(METRICS, _period()))
    url = content["data"]["postPurchaseMetrics"]["csvUrl"]

    response = client.get(url[url.index("/plugins/") :])

    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[0].startswith("period,return_rate,")
    assert lines[-1].startswith("total,")


def test_customers_cannot_read_the_figures(customer_tracking_client):
    content = tracking_content(customer_tracking_client.post_graphql(METRICS, _period()))

    assert content["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
