"""The one-tap rating page on a phone, in real Chromium: opening a score link records nothing
by itself; the page's POST (script, or the button without scripts) records it."""

import pytest

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.pages.links import order_token
from saleor_tracking_plugin.surveys.models import Survey

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def score_url(live_server, order, score: int) -> str:
    token = order_token(order, "survey")
    return f"{live_server.url}/plugins/global/{PLUGIN_ID}/pages/survey/?t={token}&score={score}"


def answered_score(order):
    survey = Survey.objects.filter(order=order, answered_at__isnull=False).first()
    return survey.score if survey else None


def test_without_scripts_the_get_records_nothing_and_the_button_records_the_score(
    live_server, chromium, delivered_order
):
    # given a phone that does not run scripts (like a mail scanner that opens links)
    context = chromium.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False
    )
    page = context.new_page()

    # when the score link is opened
    page.goto(score_url(live_server, delivered_order, 4))

    # then 4 is shown selected and nothing is recorded
    assert page.get_by_test_id("score-4").get_attribute("aria-pressed") == "true"
    assert answered_score(delivered_order) is None

    # when the shopper taps the button
    button = page.get_by_test_id("send-score")
    assert button.bounding_box()["height"] >= 44
    button.tap()

    # then the score is recorded and the details are offered
    page.get_by_test_id("details").wait_for()
    assert answered_score(delivered_order) == 4
    context.close()


def test_the_page_script_records_the_tapped_score_at_once_then_takes_details(
    live_server, phone_page, screenshot_path, delivered_order
):
    # when the shopper opens the link of score 5
    phone_page.goto(score_url(live_server, delivered_order, 5))

    # then the page itself posts it and says so, and offers the details
    phone_page.get_by_test_id("score-saved").wait_for()
    assert answered_score(delivered_order) == 5
    assert not phone_page.get_by_test_id("send-score").is_visible()
    phone_page.locator("#comment").fill("Arrived a day early.")
    phone_page.get_by_text("Delivery speed").tap()
    phone_page.screenshot(path=screenshot_path("survey-page-phone"), full_page=True)
    phone_page.get_by_test_id("send-details").tap()

    phone_page.get_by_test_id("details-saved").wait_for()
    survey = Survey.objects.get(order=delivered_order)
    assert (survey.score, survey.comment, survey.topics) == (
        5,
        "Arrived a day early.",
        ["delivery_speed"],
    )
    # the page fits the phone's width
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
