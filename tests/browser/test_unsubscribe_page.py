"""The unsubscribe page of a message, on a phone, in real Chromium."""

import pytest

from saleor_tracking_plugin.notifications.catalog import Category, Channel
from saleor_tracking_plugin.notifications.consent import is_allowed
from saleor_tracking_plugin.notifications.unsubscribe import Subscription, unsubscribe_token

pytestmark = pytest.mark.django_db(transaction=True)

PHONE_NUMBER = "+905321234567"


def unsubscribe_url(live_server, language: str) -> str:
    token = unsubscribe_token(
        Subscription(PHONE_NUMBER, Channel.SMS, Category.TRANSACTIONAL, language)
    )
    return f"{live_server.url}/plugins/global/saleor_tracking_plugin/pages/unsubscribe/?t={token}"


def test_a_turkish_customer_stops_sms_with_one_tap_and_can_undo_it(live_server, phone_page):
    phone_page.goto(unsubscribe_url(live_server, "tr"))

    assert phone_page.locator("h1").inner_text() == "Bu iletiler durdurulsun mu?"
    assert "siparişlerinizle ilgili kısa mesajları (SMS)" in phone_page.content()
    button = phone_page.get_by_test_id("unsubscribe")
    assert button.bounding_box()["height"] >= 44  # a comfortable tap target

    button.tap()

    phone_page.get_by_test_id("unsubscribed").wait_for()
    assert not is_allowed(PHONE_NUMBER, Channel.SMS, Category.TRANSACTIONAL)

    phone_page.get_by_text("Geri al: almaya devam et").tap()

    phone_page.get_by_test_id("resubscribed").wait_for()
    assert is_allowed(PHONE_NUMBER, Channel.SMS, Category.TRANSACTIONAL)


def test_the_page_speaks_english_for_an_english_message(live_server, phone_page):
    phone_page.goto(unsubscribe_url(live_server, "en"))

    assert phone_page.locator("h1").inner_text() == "Stop these messages?"
    assert "text messages (SMS) about your orders" in phone_page.content()
