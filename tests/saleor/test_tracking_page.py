"""The hosted tracking page over HTTP: signed links and language."""

from datetime import timedelta

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.pages.links import order_id_from_token, order_token, page_url
from saleor_tracking_plugin.tracking.models import Shipment

TRACK_PATH = f"/plugins/global/{PLUGIN_ID}/pages/track/"


def with_parcel(order):
    fulfillment = order.fulfillments.create(tracking_number="305712345678")
    Shipment.objects.create(
        order=order,
        fulfillment=fulfillment,
        carrier_code="yurtici",
        tracking_number="305712345678",
        status="in_transit",
    )
    return order


def test_a_signed_link_opens_the_order_in_its_language(client, order_with_lines):
    order_with_lines.language_code = "tr"
    order_with_lines.save(update_fields=["language_code"])
    with_parcel(order_with_lines)

    response = client.get(TRACK_PATH, {"t": order_token(order_with_lines, "track")})

    assert response.status_code == 200
    body = response.content.decode()
    assert f"{order_with_lines.number} numaralı sipariş" in body
    assert "Yolda" in body
    assert response["Cache-Control"] == "private, no-store"


def test_the_shopper_may_ask_for_english(client, order_with_lines):
    order_with_lines.language_code = "tr"
    order_with_lines.save(update_fields=["language_code"])
    with_parcel(order_with_lines)

    response = client.get(TRACK_PATH, {"t": order_token(order_with_lines, "track"), "lang": "en"})

    assert "On its way" in response.content.decode()


def test_a_tampered_link_shows_the_invalid_link_page(client, order_with_lines):
    token = order_token(order_with_lines, "track")

    response = client.get(TRACK_PATH, {"t": token[:-2] + "xx"})

    assert response.status_code == 404
    assert "no longer valid" in response.content.decode()


def test_a_link_made_for_another_page_does_not_open_tracking(client, order_with_lines):
    response = client.get(TRACK_PATH, {"t": order_token(order_with_lines, "return")})

    assert response.status_code == 404


def test_links_expire(order_with_lines):
    token = order_token(order_with_lines, "track")

    assert order_id_from_token(token, "track") == str(order_with_lines.pk)
    assert order_id_from_token(token, "track", max_age=timedelta(seconds=-1)) is None


def test_message_links_are_absolute_urls_on_saleor_public_address(settings, order_with_lines):
    # given Saleor's public address (set here: Saleor 3.21's test settings have none)
    settings.PUBLIC_URL = "https://shop.example.com"

    url = page_url("track", order_with_lines, "track")

    assert url.startswith(f"https://shop.example.com/plugins/global/{PLUGIN_ID}/pages/track/?t=")
