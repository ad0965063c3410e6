"""The hosted tracking page on a phone, in real Chromium."""

from datetime import UTC, date, datetime

import pytest
from PIL import Image

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.pages.links import order_token
from saleor_tracking_plugin.tracking import actions
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

pytestmark = pytest.mark.django_db(transaction=True)


def track_url(live_server, order) -> str:
    return (
        f"{live_server.url}/plugins/global/{PLUGIN_ID}/pages/track/?t={order_token(order, 'track')}"
    )


@pytest.fixture
def turkish_order_out_for_delivery(order_with_lines):
    order_with_lines.language_code = "tr"
    order_with_lines.save(update_fields=["language_code"])
    fulfillment = order_with_lines.fulfillments.create(tracking_number="305712345678")
    shipment = Shipment.objects.create(
        order=order_with_lines,
        fulfillment=fulfillment,
        carrier_code="yurtici",
        tracking_number="305712345678",
        status=ShipmentStatus.INFO_RECEIVED,
        estimated_delivery=date(2026, 11, 24),
    )
    actions.record_events(
        shipment.pk,
        [
            TrackingEventData(
                datetime(2026, 11, 21, 9, tzinfo=UTC),
                ShipmentStatus.IN_TRANSIT,
                "Transfer merkezinden çıktı",
                "İstanbul Anadolu",
            ),
            TrackingEventData(
                datetime(2026, 11, 22, 8, tzinfo=UTC),
                ShipmentStatus.OUT_FOR_DELIVERY,
                "Dağıtım aracında",
                "Kadıköy",
            ),
        ],
        source="yurtici",
    )
    return order_with_lines


def test_a_shopper_follows_the_parcel_on_a_phone_in_turkish(
    live_server, phone_page, screenshot_path, turkish_order_out_for_delivery
):
    # given a Turkish order out for delivery, when the shopper opens the link from a message
    phone_page.goto(track_url(live_server, turkish_order_out_for_delivery))

    # then the page speaks Turkish and shows status, estimate, timeline and carrier link
    assert phone_page.locator("html").get_attribute("lang") == "tr"
    assert phone_page.get_by_test_id("order-status").inner_text() == "Dağıtıma çıktı"
    assert phone_page.get_by_test_id("event").count() == 2
    latest = phone_page.get_by_test_id("event").first.inner_text()
    assert "Kadıköy" in latest
    assert "11:00" in latest  # 08:00 UTC in the shop's time zone (Istanbul)
    carrier_link = phone_page.get_by_role("link", name="Kargo firmasının takip sayfasını aç")
    assert "305712345678" in carrier_link.get_attribute("href")

    # and nothing is wider than the phone's screen
    page_width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390

    # and the screenshot at phone width shows a rendered page, not a blank one
    path = screenshot_path("tracking-page-phone-tr")
    phone_page.screenshot(path=path, full_page=True)
    with Image.open(path) as image:
        assert image.width == 390 * 2
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50


def test_the_shopper_switches_the_page_to_english(
    live_server, phone_page, turkish_order_out_for_delivery
):
    phone_page.goto(track_url(live_server, turkish_order_out_for_delivery))

    phone_page.get_by_role("link", name="English").click()

    assert phone_page.get_by_test_id("order-status").inner_text() == "Out for delivery"
    assert phone_page.locator("html").get_attribute("lang") == "en"
