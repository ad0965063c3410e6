"""The hosted rating page over HTTP: a GET records nothing, a POST records the one answer."""

from datetime import timedelta

import pytest
from freezegun import freeze_time

from saleor_tracking_plugin.pages.links import order_token
from saleor_tracking_plugin.surveys.messages import SURVEY_THANKS
from saleor_tracking_plugin.surveys.models import Survey

from ..survey_fixtures import queued

PAGE = "/plugins/global/saleor_tracking_plugin/pages/survey/"


@pytest.fixture
def token(delivered_order):
    return order_token(delivered_order, "survey")


def test_opening_a_score_link_shows_it_selected_and_records_nothing(client, delivered_order, token):
    # when a mail scanner (or the shopper) opens the link of score 4
    response = client.get(PAGE, {"t": token, "score": "4"})

    # then the page shows 4 selected, with the button that sends it, and nothing is stored
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="score-4" aria-pressed="true"' in body
    assert "Send my rating: 4" in body
    survey = Survey.objects.filter(order=delivered_order).first()
    assert survey is None or survey.answered_at is None


def test_posting_the_score_records_it_and_offers_the_details(client, delivered_order, token):
    # when the page posts the tapped score (the button without scripts)
    response = client.post(f"{PAGE}?t={token}", {"t": token, "score": "4", "lang": "en"})

    # then the answer is stored and the page comes back with the details form
    assert response.status_code == 303
    survey = Survey.objects.get(order=delivered_order)
    assert (survey.score, survey.comment) == (4, "")
    page = client.get(PAGE + response["Location"]).content.decode()
    assert "Thank you, your rating is saved." in page
    assert 'data-testid="details" hidden' not in page
    assert len(queued(delivered_order, SURVEY_THANKS)) == 1


def test_the_script_post_gets_json(client, delivered_order, token):
    response = client.post(PAGE, {"t": token, "score": "5"}, headers={"X-Survey-Fetch": "1"})

    assert response.json() == {"ok": True}
    assert Survey.objects.get(order=delivered_order).score == 5


def test_the_details_add_comment_topics_and_consent(client, rated_order):
    token = order_token(rated_order, "survey")

    client.post(
        PAGE,
        {
            "t": token,
            "details": "1",
            "score": "4",
            "comment": "Fast, but the box was dented.",
            "topics": ["delivery_speed", "packaging"],
            "consent": "1",
        },
    )

    survey = Survey.objects.get(order=rated_order)
    assert survey.comment == "Fast, but the box was dented."
    assert survey.topics == ["delivery_speed", "packaging"]
    assert survey.contact_consent is True


def test_a_comment_over_2000_characters_is_refused_and_nothing_changes(client, rated_order):
    token = order_token(rated_order, "survey")

    response = client.post(
        PAGE, {"t": token, "details": "1", "score": "2", "comment": "x" * 2001, "lang": "en"}
    )

    assert response.status_code == 400
    assert "at most 2,000 characters" in response.content.decode()
    survey = Survey.objects.get(order=rated_order)
    assert (survey.score, survey.comment) == (4, "")


def test_a_score_outside_one_to_five_is_refused(client, delivered_order, token):
    response = client.post(PAGE, {"t": token, "score": "9"}, headers={"X-Survey-Fetch": "1"})

    assert response.json() == {"ok": False, "code": "INVALID_SCORE"}
    assert not Survey.objects.filter(order=delivered_order, answered_at__isnull=False).exists()


def test_the_rating_can_be_changed_within_the_edit_days_but_not_after(client, rated_order):
    token = order_token(rated_order, "survey")
    answered_at = Survey.objects.get(order=rated_order).answered_at

    with freeze_time(answered_at + timedelta(days=6)):
        client.post(PAGE, {"t": token, "score": "5"})
    with freeze_time(answered_at + timedelta(days=8)):
        late = client.post(PAGE, {"t": token, "score": "1", "lang": "en"})

    assert late.status_code == 400
    assert "can no longer be changed" in late.content.decode()
    assert Survey.objects.get(order=rated_order).score == 5


def test_a_forged_or_foreign_link_opens_nothing(client, delivered_order, token):
    forged = client.post(PAGE, {"t": token[:-2] + "xx", "score": "5"})
    tracking_link = client.post(PAGE, {"t": order_token(delivered_order, "track"), "score": "5"})

    assert (forged.status_code, tracking_link.status_code) == (404, 404)
    assert not Survey.objects.filter(order=delivered_order).exists()


def test_the_page_speaks_turkish_for_a_turkish_order(client, delivered_order, token):
    delivered_order.language_code = "tr"
    delivered_order.save(update_fields=["language_code"])

    body = client.get(PAGE, {"t": token, "score": "3"}).content.decode()

    assert "siparişiniz nasıldı" in body.lower()
    assert "Puanımı gönder: 3" in body


def test_an_order_not_delivered_yet_cannot_be_rated(client, order_with_lines):
    token = order_token(order_with_lines, "survey")

    response = client.post(PAGE, {"t": token, "score": "5"}, headers={"X-Survey-Fetch": "1"})

    assert response.json() == {"ok": False, "code": "NOT_AVAILABLE"}
    assert not Survey.objects.filter(order=order_with_lines).exists()
