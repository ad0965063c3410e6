"""The hosted return page on a phone, in real Chromium: a guest starts a return alone."""

import pytest
from PIL import Image

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.pages.links import order_token
from saleor_tracking_plugin.returns.models import Return
from tests.saleor.helpers import configure_plugin

pytestmark = pytest.mark.django_db(transaction=True)


def return_url(live_server, order, lang="tr") -> str:
    token = order_token(order, "return")
    return f"{live_server.url}/plugins/global/{PLUGIN_ID}/pages/return/?t={token}&lang={lang}"


@pytest.fixture
def turkish_delivered_order(delivered_order):
    delivered_order.language_code = "tr"
    delivered_order.save(update_fields=["language_code"])
    configure_plugin(return_carrier_codes="yurtici=304512", return_address="Depo, Tuzla / İstanbul")
    return delivered_order


def test_a_shopper_returns_a_defective_item_on_a_phone_in_turkish(
    live_server, phone_page, screenshot_path, turkish_delivered_order
):
    order = turkish_delivered_order
    shirt = order.lines.get(product_sku="SKU_AA")

    # when the shopper opens the link, picks one item, a reason and submits
    phone_page.goto(return_url(live_server, order))
    assert phone_page.locator("html").get_attribute("lang") == "tr"
    phone_page.select_option(f"#qty-{shirt.pk}", "1")
    phone_page.select_option("#reason", "defective")
    phone_page.select_option("#resolution", "refund")
    phone_page.fill("#comment", "Fermuarı bozuk")
    phone_page.get_by_role("button", name="İade talebi gönder").click()

    # then the page confirms, with the return number, QR code and the shop's return code
    assert phone_page.get_by_test_id("done").inner_text() == "Teşekkürler, talebinizi aldık."
    ret = Return.objects.get()
    assert phone_page.get_by_test_id("rma").inner_text() == ret.rma
    assert phone_page.get_by_test_id("return-status").inner_text() == (
        "Onaylandı: lütfen paketi gönderin"
    )
    assert phone_page.get_by_test_id("return-code").inner_text() == "304512"
    assert "Yurtiçi Kargo" in phone_page.get_by_test_id("instructions").inner_text()
    qr = phone_page.get_by_test_id("qr").locator("svg")
    assert qr.is_visible() and qr.bounding_box()["width"] >= 100

    # and nothing is wider than the phone's screen
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    path = screenshot_path("return-page-phone-tr")
    phone_page.screenshot(path=path, full_page=True)
    with Image.open(path) as image:
        assert image.width == 390 * 2
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50

    # when the shopper enters the tracking number of the parcel
    phone_page.fill(f"#tracking-{ret.pk}", "305799887766")
    phone_page.get_by_role("button", name="Takip numarasını kaydet").click()

    # then the return is on its way back and tracked like any shipment
    assert phone_page.get_by_test_id("return-status").inner_text() == "Bize doğru yolda"
    assert phone_page.get_by_test_id("return-tracking").inner_text() == "305799887766"
    ret.refresh_from_db()
    assert ret.status == "shipped_back"
    assert ret.return_shipment.kind == "return"


def test_a_refusal_is_explained_in_english(live_server, phone_page, turkish_delivered_order):
    order = turkish_delivered_order
    configure_plugin(return_non_returnable_products="test-product-9")

    phone_page.goto(return_url(live_server, order, lang="en"))

    # the non-returnable product offers no quantity and says why
    assert "This product cannot be returned." in phone_page.inner_text("main")
    mug = order.lines.get(product_sku="SKU_B")
    assert phone_page.locator(f"#qty-{mug.pk}").count() == 0
    assert phone_page.get_by_role("button", name="Request return").is_visible()
