"""Complaints: a low score is a task with a business-hour deadline, handled by staff through
GraphQL, answered to the customer, reopened when they write again, flagged before breach."""

from datetime import UTC, datetime, timedelta

import graphene
import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time
from saleor.order.models import OrderEvent

from saleor_tracking_plugin.pages.links import order_token
from saleor_tracking_plugin.surveys.actions import Answer, submit_answer
from saleor_tracking_plugin.surveys.complaints import flag_due_complaints
from saleor_tracking_plugin.surveys.messages import COMPLAINT_REPLY
from saleor_tracking_plugin.surveys.models import Complaint
from tests.survey_fixtures import another_delivered_order_of

from ..fixtures import tracking_content
from ..survey_fixtures import queued
from .helpers import configure_plugin

COMPLAINT_PAGE = "/plugins/global/saleor_tracking_plugin/pages/complaint/"
# Wednesday 4 March 2026, 16:00 in Istanbul (UTC+3)
WEDNESDAY_4PM = datetime(2026, 3, 4, 13, 0, tzinfo=UTC)

COMPLAINTS = """
query Complaints($filter: ComplaintFilterInput) {
  complaints(filter: $filter) {
    edges { node {
      id orderNumber score comment topics contactConsent status dueAt overdue assignee
      firstResponseAt messages { fromCustomer body author }
    } }
  }
}
"""
ASSIGN = """
mutation Assign($id: ID!, $assignee: ID) {
  complaintAssign(id: $id, assigneeId: $assignee) {
    complaint { status assignee } errors { field code message }
  }
}
"""
REPLY = """
mutation Reply($id: ID!, $message: String!) {
  complaintReply(id: $id, message: $message) {
    complaint { status firstResponseAt messages { fromCustomer body author } }
    errors { field code message }
  }
}
"""
RESOLVE = """
mutation Resolve($id: ID!) {
  complaintResolve(id: $id) { complaint { status } errors { field code message } }
}
"""


def _gid(complaint) -> str:
    return graphene.Node.to_global_id("Complaint", complaint.pk)


@freeze_time(WEDNESDAY_4PM)
def test_a_low_score_opens_a_complaint_due_in_four_business_hours(delivered_order):
    # when the customer rates 2 with a comment
    submit_answer(
        delivered_order, Answer(score=2, comment="Late and crushed.", topics=["packaging"])
    )

    # then a complaint is open, due Thursday 11:00 Istanbul time (2 hours today, 2 tomorrow)
    complaint = Complaint.objects.get(order=delivered_order)
    assert complaint.status == "open"
    assert (complaint.score, complaint.comment, complaint.topics) == (
        2,
        "Late and crushed.",
        ["packaging"],
    )
    assert complaint.due_at == datetime(2026, 3, 5, 8, 0, tzinfo=UTC)
    assert OrderEvent.objects.filter(
        order=delivered_order, parameters__message__startswith="Complaint opened: rated 2/5"
    ).exists()


def test_a_score_above_the_threshold_opens_no_complaint(delivered_order):
    submit_answer(delivered_order, Answer(score=3))

    assert not Complaint.objects.filter(order=delivered_order).exists()


def test_staff_list_assign_reply_and_resolve(
    staff_tracking_client, staff_user, unhappy_order, django_capture_on_commit_callbacks
):
    complaint = Complaint.objects.get(order=unhappy_order)
    staff_id = graphene.Node.to_global_id("User", staff_user.pk)

    listed = tracking_content(
        staff_tracking_client.post_graphql(COMPLAINTS, {"filter": {"status": ["OPEN"]}})
    )["data"]["complaints"]["edges"]
    assigned = tracking_content(
        staff_tracking_client.post_graphql(ASSIGN, {"id": _gid(complaint), "assignee": staff_id})
    )["data"]["complaintAssign"]
    with django_capture_on_commit_callbacks(execute=True):
        replied = tracking_content(
            staff_tracking_client.post_graphql(
                REPLY, {"id": _gid(complaint), "message": "We are sending a new one today."}
            )
        )["data"]["complaintReply"]
    resolved = tracking_content(
        staff_tracking_client.post_graphql(RESOLVE, {"id": _gid(complaint)})
    )["data"]["complaintResolve"]

    assert [c["node"]["comment"] for c in listed] == ["The box was crushed."]
    assert assigned["complaint"] == {"status": "OPEN", "assignee": staff_user.email}
    assert replied["errors"] == []
    assert replied["complaint"]["status"] == "ANSWERED"
    assert replied["complaint"]["firstResponseAt"]
    assert replied["complaint"]["messages"] == [
        {
            "fromCustomer": False,
            "body": "We are sending a new one today.",
            "author": staff_user.email,
        }
    ]
    assert resolved["complaint"]["status"] == "RESOLVED"
    [message] = queued(unhappy_order, COMPLAINT_REPLY)
    assert "We are sending a new one today." in message.body
    assert "/pages/complaint/?t=" in message.body
    timeline = OrderEvent.objects.filter(order=unhappy_order).values_list(
        "parameters__message", flat=True
    )
    assert f"Complaint assigned to {staff_user.email}" in timeline
    assert "Complaint answered: We are sending a new one today." in timeline
    assert "Complaint resolved" in timeline


def test_customers_and_staff_without_manage_orders_cannot_see_complaints(
    staff_without_orders_tracking_client, customer_tracking_client, unhappy_order
):
    for client in (staff_without_orders_tracking_client, customer_tracking_client):
        content = tracking_content(client.post_graphql(COMPLAINTS, {}))
        assert content["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_an_empty_reply_is_refused_and_nothing_is_sent(staff_tracking_client, unhappy_order):
    complaint = Complaint.objects.get(order=unhappy_order)

    payload = tracking_content(
        staff_tracking_client.post_graphql(REPLY, {"id": _gid(complaint), "message": "  "})
    )["data"]["complaintReply"]

    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("REQUIRED", "message")]
    assert queued(unhappy_order, COMPLAINT_REPLY) == []
    assert Complaint.objects.get(pk=complaint.pk).status == "open"


def test_the_customer_answers_on_the_thread_page_and_reopens_the_complaint(client, unhappy_order):
    complaint = Complaint.objects.get(order=unhappy_order)
    from saleor_tracking_plugin.surveys import complaints

    complaints.reply(complaint.pk, "Sorry! A new one is on its way.")
    token = order_token(unhappy_order, "complaint")

    page = client.get(COMPLAINT_PAGE, {"t": token, "lang": "en"}).content.decode()
    response = client.post(f"{COMPLAINT_PAGE}?t={token}&lang=en", {"message": "Not arrived yet."})

    assert "Sorry! A new one is on its way." in page
    assert response.status_code == 303
    complaint.refresh_from_db()
    assert complaint.status == "reopened"
    assert complaint.due_at > timezone.now()
    assert list(complaint.messages.values_list("from_customer", "body")) == [
        (False, "Sorry! A new one is on its way."),
        (True, "Not arrived yet."),
    ]


def test_a_customer_message_without_a_complaint_opens_one(client, delivered_order):
    token = order_token(delivered_order, "complaint")

    client.post(f"{COMPLAINT_PAGE}?t={token}", {"message": "Wrong colour."})

    complaint = Complaint.objects.get(order=delivered_order)
    assert (complaint.status, complaint.comment) == ("open", "Wrong colour.")


def test_complaints_near_and_past_their_deadline_are_flagged_once_and_staff_told(
    unhappy_order, staff_user, django_capture_on_commit_callbacks
):
    configure_plugin(complaint_staff_email="care@example.com")
    complaint = Complaint.objects.get(order=unhappy_order)
    due = complaint.due_at

    with django_capture_on_commit_callbacks(execute=True):
        early = flag_due_complaints(now=due - timedelta(hours=2))
        near = flag_due_complaints(now=due - timedelta(minutes=30))
        again = flag_due_complaints(now=due - timedelta(minutes=20))
        Complaint.objects.filter(pk=complaint.pk).update(assignee=staff_user)
        breached = flag_due_complaints(now=due + timedelta(minutes=1))

    assert (early, near, again, breached) == (0, 1, 0, 1)
    assert [m.to for m in mail.outbox] == [["care@example.com"], [staff_user.email]]
    assert "about to breach" in mail.outbox[0].subject
    assert "breached" in mail.outbox[1].subject


@pytest.mark.parametrize(("overdue", "expected"), [(True, 1), (False, 0)])
def test_the_overdue_filter(staff_tracking_client, unhappy_order, overdue, expected):
    Complaint.objects.filter(order=unhappy_order).update(
        due_at=timezone.now() - timedelta(minutes=5)
    )

    listed = tracking_content(
        staff_tracking_client.post_graphql(COMPLAINTS, {"filter": {"overdue": overdue}})
    )["data"]["complaints"]["edges"]

    assert len(listed) == expected


def test_the_order_filter_lists_only_that_orders_complaints(staff_tracking_client, unhappy_order):
    other_order = another_delivered_order_of(unhappy_order)

    def listed_for(order):
        order_gid = graphene.Node.to_global_id("Order", order.pk)
        return tracking_content(
            staff_tracking_client.post_graphql(COMPLAINTS, {"filter": {"orderId": order_gid}})
        )["data"]["complaints"]["edges"]

    assert [c["node"]["orderNumber"] for c in listed_for(unhappy_order)] == [
        str(unhappy_order.number)
    ]
    assert listed_for(other_order) == []
