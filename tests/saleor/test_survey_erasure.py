"""Saleor's customer deletion erases the words of their surveys and complaints and keeps
the scores for the figures."""

import graphene
from saleor.graphql.tests.utils import get_graphql_content

from saleor_tracking_plugin.surveys import complaints
from saleor_tracking_plugin.surveys.actions import Answer, submit_answer
from saleor_tracking_plugin.surveys.models import Complaint, ComplaintMessage, Survey

CUSTOMER_DELETE = """
mutation Delete($id: ID!) { customerDelete(id: $id) { errors { field message } } }
"""


def test_deleting_the_customer_wipes_comments_and_contact_details_and_keeps_scores(
    staff_api_client,
    permission_manage_users,
    customer_user,
    delivered_order,
    django_capture_on_commit_callbacks,
):
    # given the customer rated 1 with a comment, consented to contact and wrote to us
    submit_answer(
        delivered_order,
        Answer(
            score=1, comment="Call me on 0532 123 45 67", topics=["product"], contact_consent=True
        ),
    )
    complaint = Complaint.objects.get(order=delivered_order)
    complaints.customer_writes(delivered_order, "My address is Bağdat Cd. 12")

    # when staff delete the customer in Saleor
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_api_client.post_graphql(
            CUSTOMER_DELETE,
            {"id": graphene.Node.to_global_id("User", customer_user.pk)},
            permissions=[permission_manage_users],
        )

    # then their words and consent are gone, the scores and topics stay
    assert get_graphql_content(response)["data"]["customerDelete"]["errors"] == []
    survey = Survey.objects.get(order=delivered_order)
    assert (survey.score, survey.comment, survey.contact_consent, survey.topics) == (
        1,
        "",
        False,
        ["product"],
    )
    assert survey.erased_at is not None
    complaint.refresh_from_db()
    assert (complaint.score, complaint.comment, complaint.contact_consent) == (1, "", False)
    assert list(ComplaintMessage.objects.values_list("body", flat=True)) == [""]


def test_other_customers_feedback_is_untouched(
    staff_api_client,
    permission_manage_users,
    customer_user2,
    rated_order,
    django_capture_on_commit_callbacks,
):
    Survey.objects.filter(order=rated_order).update(comment="Lovely.")

    with django_capture_on_commit_callbacks(execute=True):
        staff_api_client.post_graphql(
            CUSTOMER_DELETE,
            {"id": graphene.Node.to_global_id("User", customer_user2.pk)},
            permissions=[permission_manage_users],
        )

    assert Survey.objects.get(order=rated_order).comment == "Lovely."
