"""Staff lists of survey answers and complaints, filtered, on the known shop history of
tests/saleor/metrics_dataset.py (answers: o1 5, o4 4, o2 2; complaints about o4 (Yurtiçi,
opened 9 March), o2 (UPS, 12 March) and o3 (Yurtiçi, 13 March))."""

import graphene
import pytest
from freezegun import freeze_time

from saleor_tracking_plugin.surveys.models import Complaint, Survey

from ..fixtures import tracking_content
from . import metrics_dataset as history

ANSWERS = """
query Answers($filter: SurveyResponseFilterInput) {
  surveyResponses(filter: $filter) { edges { node { orderNumber score } } }
}
"""
COMPLAINTS = """
query Complaints($filter: ComplaintFilterInput) {
  complaints(filter: $filter) { edges { node { orderNumber } } }
}
"""


@pytest.fixture
def shop(order_with_lines, channel_USD, channel_PLN):
    with freeze_time(history.NOW):
        yield history.build(order_with_lines, channel_USD, channel_PLN)


def _numbers(shop, *names) -> list[str]:
    return [str(shop.orders[name].number) for name in names]


def _answers(client, **filter_) -> list[str]:
    content = tracking_content(client.post_graphql(ANSWERS, {"filter": filter_}))
    return [edge["node"]["orderNumber"] for edge in content["data"]["surveyResponses"]["edges"]]


def _complaints(client, **filter_) -> list[str]:
    content = tracking_content(client.post_graphql(COMPLAINTS, {"filter": filter_}))
    return [edge["node"]["orderNumber"] for edge in content["data"]["complaints"]["edges"]]


def test_answers_newest_first_filtered_by_score(staff_tracking_client, shop):
    assert _answers(staff_tracking_client) == _numbers(shop, "o2", "o4", "o1")
    assert _answers(staff_tracking_client, scoreMin=4) == _numbers(shop, "o4", "o1")
    assert _answers(staff_tracking_client, scoreMax=2) == _numbers(shop, "o2")


def test_answers_filtered_by_time_and_comment(staff_tracking_client, shop):
    Survey.objects.filter(order=shop.orders["o1"]).update(comment="Fast, thank you.")

    answered_from = history.at(9).isoformat()
    assert _answers(staff_tracking_client, answeredFrom=answered_from) == _numbers(shop, "o2")
    assert _answers(staff_tracking_client, answeredTo=answered_from) == _numbers(shop, "o4", "o1")
    assert _answers(staff_tracking_client, withComment=True) == _numbers(shop, "o1")


def test_complaints_filtered_by_the_carrier_of_the_order(staff_tracking_client, shop):
    assert _complaints(staff_tracking_client, carrier="ups") == _numbers(shop, "o2")
    assert _complaints(staff_tracking_client, carrier="yurtici") == _numbers(shop, "o4", "o3")


def test_complaints_filtered_by_assignee_and_status(staff_tracking_client, staff_user, shop):
    Complaint.objects.filter(order=shop.orders["o4"]).update(assignee=staff_user, status="answered")
    staff_id = graphene.Node.to_global_id("User", staff_user.pk)

    assert _complaints(staff_tracking_client, assigneeId=staff_id) == _numbers(shop, "o4")
    assert _complaints(staff_tracking_client, status=["OPEN"]) == _numbers(shop, "o2", "o3")


def test_complaints_filtered_by_opening_period(staff_tracking_client, shop):
    period = {"openedFrom": history.at(10).isoformat(), "openedTo": history.at(13, 0).isoformat()}

    assert _complaints(staff_tracking_client, **period) == _numbers(shop, "o2")
