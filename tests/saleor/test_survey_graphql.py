"""Storefront GraphQL of surveys: owners and guests (number + email), typed refusals."""

from datetime import timedelta

import graphene
import pytest
from django.utils import timezone

from saleor_tracking_plugin.surveys.actions import Answer, submit_answer
from saleor_tracking_plugin.surveys.models import Survey

from ..fixtures import tracking_content

ORDER_SURVEY = """
query Survey($id: ID, $number: String, $email: String) {
  orderSurvey(id: $id, number: $number, email: $email, language: TR) {
    number state link score comment topics contactConsent editableUntil couponCode
    questions { minScore maxScore commentMaxLength topics { code label } }
  }
}
"""

SURVEY_SUBMIT = """
mutation Submit($input: SurveyAnswerInput!, $id: ID, $number: String, $email: String) {
  surveySubmit(input: $input, id: $id, number: $number, email: $email) {
    survey { state score comment topics contactConsent }
    errors { field code message }
  }
}
"""


def _id(order) -> str:
    return graphene.Node.to_global_id("Order", order.pk)


def test_the_owner_sees_an_open_survey_with_its_questions_and_link(
    customer_tracking_client, delivered_order
):
    response = customer_tracking_client.post_graphql(ORDER_SURVEY, {"id": _id(delivered_order)})

    survey = tracking_content(response)["data"]["orderSurvey"]
    assert survey["state"] == "OPEN"
    assert "/pages/survey/?t=" in survey["link"]
    assert survey["score"] is None
    assert survey["questions"]["minScore"] == 1
    assert survey["questions"]["maxScore"] == 5
    assert survey["questions"]["commentMaxLength"] == 2000
    assert {"code": "PACKAGING", "label": "Paketleme"} in survey["questions"]["topics"]


def test_a_guest_answers_with_the_order_number_and_email(guest_tracking_client, delivered_order):
    response = guest_tracking_client.post_graphql(
        SURVEY_SUBMIT,
        {
            "number": str(delivered_order.number),
            "email": delivered_order.user_email.upper(),
            "input": {
                "score": 5,
                "comment": "Perfect.",
                "topics": ["PRODUCT"],
                "contactConsent": True,
            },
        },
    )

    payload = tracking_content(response)["data"]["surveySubmit"]
    assert payload["errors"] == []
    assert payload["survey"] == {
        "state": "ANSWERED",
        "score": 5,
        "comment": "Perfect.",
        "topics": ["PRODUCT"],
        "contactConsent": True,
    }


def test_a_guest_with_a_wrong_email_reaches_no_survey(guest_tracking_client, delivered_order):
    response = guest_tracking_client.post_graphql(
        SURVEY_SUBMIT,
        {
            "number": str(delivered_order.number),
            "email": "someone@example.com",
            "input": {"score": 1},
        },
    )

    content = tracking_content(response)
    assert content["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert not Survey.objects.filter(order=delivered_order).exists()


def test_another_customer_reaches_no_survey(other_customer_tracking_client, delivered_order):
    response = other_customer_tracking_client.post_graphql(
        ORDER_SURVEY, {"id": _id(delivered_order)}
    )

    assert tracking_content(response)["errors"][0]["extensions"]["code"] == "NOT_FOUND"


@pytest.mark.parametrize(
    ("answer", "code", "field"),
    [
        ({"score": 0}, "INVALID_SCORE", "score"),
        ({"score": 6}, "INVALID_SCORE", "score"),
        ({"score": 4, "comment": "x" * 2001}, "COMMENT_TOO_LONG", "comment"),
    ],
)
def test_bad_answers_are_refused_with_a_code_and_nothing_is_stored(
    customer_tracking_client, delivered_order, answer, code, field
):
    response = customer_tracking_client.post_graphql(
        SURVEY_SUBMIT, {"id": _id(delivered_order), "input": answer}
    )

    payload = tracking_content(response)["data"]["surveySubmit"]
    assert payload["survey"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)]
    assert not Survey.objects.filter(order=delivered_order).exists()


def test_an_order_not_delivered_yet_is_not_available(customer_tracking_client, customer_order):
    response = customer_tracking_client.post_graphql(ORDER_SURVEY, {"id": _id(customer_order)})

    assert tracking_content(response)["data"]["orderSurvey"]["state"] == "NOT_AVAILABLE"


def test_a_change_after_the_edit_window_is_refused_and_the_answer_kept(
    customer_tracking_client, delivered_order
):
    # given the customer answered 8 days ago (the window is 7 days)
    submit_answer(delivered_order, Answer(score=4), now=timezone.now() - timedelta(days=8))

    # when they try to change it
    response = customer_tracking_client.post_graphql(
        SURVEY_SUBMIT, {"id": _id(delivered_order), "input": {"score": 1}}
    )

    # then it is refused with a code and the first answer stays
    payload = tracking_content(response)["data"]["surveySubmit"]
    assert [e["code"] for e in payload["errors"]] == ["EDIT_WINDOW_CLOSED"]
    assert Survey.objects.get(order=delivered_order).score == 4
