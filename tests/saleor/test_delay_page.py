"""Delay choices on the hosted tracking page, over HTTP: guests act through the signed link."""

from datetime import timedelta

import pytest
from django.utils import timezone
from saleor.order import OrderStatus

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.delays import actions
from saleor_tracking_plugin.delays.models import OrderDelay
from saleor_tracking_plugin.pages.links import delay_choice_token, order_token

TRACK_PATH = f"/plugins/global/{PLUGIN_ID}/pages/track/"
CHOOSE_PATH = f"/plugins/global/{PLUGIN_ID}/pages/delay/choose/"


@pytest.fixture
def late_turkish_order(order_with_lines):
    order_with_lines.created_at = timezone.now() - timedelta(days=21)
    order_with_lines.status = OrderStatus.UNFULFILLED
    order_with_lines.language_code = "tr"
    order_with_lines.save(update_fields=["created_at", "status", "language_code"])
    actions.detect_order_delays(order_with_lines.pk)
    return order_with_lines


def choice_token(order) -> str:
    return delay_choice_token(OrderDelay.objects.get(order=order))


def test_a_late_order_page_apologises_explains_and_offers_the_choices(client, late_turkish_order):
    response = client.get(TRACK_PATH, {"t": order_token(late_turkish_order, "track")})

    body = response.content.decode()
    assert "Özür dileriz: siparişiniz gecikti" in body
    assert "Siparişiniz depomuzdan söz verdiğimizden daha geç çıkıyor." in body
    assert "Yeni tahmini teslim" in body
    for label in (
        "Siparişimi iptal edin, ödememi iade edin",
        "Yeni tarihe kadar beklerim",
        "Kargo firmasıyla benim için ilgilenin",
    ):
        assert label in body


def test_an_order_on_time_shows_no_delay_card(client, order_with_lines):
    response = client.get(TRACK_PATH, {"t": order_token(order_with_lines, "track")})

    assert 'data-testid="delay"' not in response.content.decode()


def test_the_shopper_chooses_to_wait_and_agrees_to_updates(client, late_turkish_order):
    token = order_token(late_turkish_order, "track")

    response = client.post(
        CHOOSE_PATH,
        {"t": token, "d": choice_token(late_turkish_order), "choice": "wait", "consent": "1"}
        | {"lang": "en"},
    )

    assert response.status_code == 303
    assert response["Location"].startswith(TRACK_PATH)
    delay = OrderDelay.objects.get(order=late_turkish_order)
    assert (delay.choice, delay.updates_consent) == ("wait", True)
    page = client.get(response["Location"]).content.decode()
    assert "Thank you, we have noted your choice." in page
    assert "I will wait for the new date" in page


def test_a_forged_link_cannot_choose(client, late_turkish_order):
    token = order_token(late_turkish_order, "track")

    forged = choice_token(late_turkish_order)[:-2] + "xx"
    response = client.post(CHOOSE_PATH, {"t": token, "d": forged, "choice": "cancel"})

    assert response.status_code == 404
    assert OrderDelay.objects.get(order=late_turkish_order).choice == ""


def test_a_link_for_another_page_cannot_choose(client, late_turkish_order):
    token = order_token(late_turkish_order, "return")

    response = client.post(CHOOSE_PATH, {"t": token, "d": token, "choice": "wait"})

    assert response.status_code == 404


def test_cancelling_after_shipping_is_refused_on_the_page(client, late_turkish_order):
    late_turkish_order.fulfillments.create(tracking_number="305712345678")
    token = order_token(late_turkish_order, "track")

    response = client.post(
        CHOOSE_PATH,
        {"t": token, "d": choice_token(late_turkish_order), "choice": "cancel", "confirm": "1"}
        | {"lang": "en"},
    )

    assert "result=NOT_OFFERED" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "part of your order has already shipped" in page
    assert "Cancel my order and refund me" not in page
    late_turkish_order.refresh_from_db()
    assert late_turkish_order.status == OrderStatus.UNFULFILLED


def test_cancelling_asks_for_confirmation_first(client, late_turkish_order):
    token = order_token(late_turkish_order, "track")

    # when the shopper taps "cancel" once
    response = client.post(
        CHOOSE_PATH,
        {"t": token, "d": choice_token(late_turkish_order), "choice": "cancel", "lang": "en"},
    )

    # then nothing is cancelled, and the page asks to confirm
    assert "result=CONFIRM_CANCEL" in response["Location"]
    assert OrderDelay.objects.get(order=late_turkish_order).choice == ""
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="confirm-cancel"' in page


def test_a_choice_link_expires_after_a_week(client, late_turkish_order):
    from freezegun import freeze_time

    token = order_token(late_turkish_order, "track")
    choice = choice_token(late_turkish_order)

    # when the shopper uses the page's choice eight days later
    with freeze_time(timezone.now() + timedelta(days=8)):
        response = client.post(CHOOSE_PATH, {"t": token, "d": choice, "choice": "wait"})

    # then the link opens nothing
    assert response.status_code == 404
    assert OrderDelay.objects.get(order=late_turkish_order).choice == ""


def test_a_choice_link_opens_nothing_once_its_delay_is_settled(client, late_turkish_order):
    token = order_token(late_turkish_order, "track")
    choice = choice_token(late_turkish_order)
    OrderDelay.objects.filter(order=late_turkish_order).update(
        resolved_at=timezone.now(), resolution="delivered"
    )

    response = client.post(CHOOSE_PATH, {"t": token, "d": choice, "choice": "wait"})

    assert "result=CLOSED" in response["Location"]
    assert OrderDelay.objects.get(order=late_turkish_order).choice == ""
