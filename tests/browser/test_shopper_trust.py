"""What a shopper sees first, on a phone in real Chromium: the shop's name, logo and contact,
which items are in which parcel, no repeated text, money as the shopper writes it, a QR code
that says what to do with it, a return form that names what is missing, a banner matching the
last action, and a favicon (no console error). Screenshots go to tests/browser/screenshots/."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from saleor.order.models import FulfillmentLine
from saleor.site.models import SiteSettings

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.pages.links import order_token
from saleor_tracking_plugin.returns.models import Return, ReturnLine
from saleor_tracking_plugin.tracking.models import Shipment, ShipmentEvent
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus
from tests.saleor.helpers import configure_plugin

pytestmark = pytest.mark.django_db(transaction=True)

LOGO = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='80' height='24'/%3E"


def page_url(live_server, order, page: str, lang: str) -> str:
    purpose = "track" if page == "track" else "return"
    token = order_token(order, purpose)
    return f"{live_server.url}/plugins/global/{PLUGIN_ID}/pages/{page}/?t={token}&lang={lang}"


@pytest.fixture
def shop(site_settings):
    """A shop named in Saleor's site settings, with a phone on its company address and a logo."""
    from saleor.account.models import Address

    site_settings.default_mail_sender_name = "Moda Sepeti"
    site_settings.default_mail_sender_address = "destek@modasepeti.example"
    site_settings.company_address = Address.objects.create(
        first_name="", last_name="", company_name="Moda Sepeti A.Ş.", phone="+902125550100"
    )
    site_settings.save()
    configure_plugin(shop_logo_url=LOGO, return_carrier_codes="yurtici=304512")
    return SiteSettings.objects.get(pk=site_settings.pk)


@pytest.fixture
def two_parcel_order(delivered_order):
    """The delivered order, with its mug (SKU_B) moved into a second parcel sent with Aras."""
    delivered_order.language_code = "tr"
    delivered_order.save(update_fields=["language_code"])
    first = delivered_order.fulfillments.get()
    second = delivered_order.fulfillments.create(tracking_number="ARAS123456")
    FulfillmentLine.objects.filter(fulfillment=first, order_line__product_sku="SKU_B").update(
        fulfillment=second
    )
    shipment = Shipment.objects.create(
        order=delivered_order,
        fulfillment=second,
        carrier_code="aras",
        tracking_number="ARAS123456",
        status=ShipmentStatus.OUT_FOR_DELIVERY,
        status_detail="Dağıtıma çıktı",
    )
    ShipmentEvent.objects.create(
        shipment=shipment,
        tracking_number="ARAS123456",
        occurred_at=timezone.now() - timedelta(hours=1),
        status=ShipmentStatus.OUT_FOR_DELIVERY,
        description="Dağıtıma çıktı",
        location="Kadıköy",
        fingerprint="out-for-delivery",
    )
    return delivered_order


def watch_console(page) -> list[str]:
    """Console errors and failed requests of the page, as they happen."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    page.on(
        "response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    return problems


def test_the_tracking_page_names_the_shop_and_what_is_in_each_parcel(
    live_server, phone_page, screenshot_path, shop, two_parcel_order
):
    problems = watch_console(phone_page)

    phone_page.goto(page_url(live_server, two_parcel_order, "track", "tr"))

    # the shop's name, logo and contact frame the page; the favicon loads without an error
    assert phone_page.get_by_test_id("shop").inner_text() == "Moda Sepeti"
    assert phone_page.get_by_test_id("shop").locator("img").get_attribute("src") == LOGO
    contact = phone_page.get_by_test_id("shop-contact").inner_text()
    assert "destek@modasepeti.example" in contact and "+902125550100" in contact
    assert phone_page.locator("link[rel=icon]").count() == 1
    # each parcel lists only its own items
    parcels = phone_page.get_by_test_id("shipment")
    yurtici, aras = parcels.nth(0), parcels.nth(1)
    assert "Yurtiçi" in yurtici.inner_text() and "Aras" in aras.inner_text()
    assert "Test product" in yurtici.get_by_test_id("parcel-items").inner_text()
    mug = two_parcel_order.lines.get(product_sku="SKU_B").product_name
    assert mug not in yurtici.get_by_test_id("parcel-items").inner_text()
    assert mug in aras.get_by_test_id("parcel-items").inner_text()
    # the carrier's words that only repeat the status are not shown twice
    assert "Dağıtıma çıktı · Dağıtıma çıktı" not in aras.inner_text()
    assert aras.inner_text().count("Dağıtıma çıktı") == 2  # the badge and the event, once each
    # the delivered parcel can be returned: the page leads to the return page
    assert phone_page.get_by_test_id("return-link").is_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_page.screenshot(path=screenshot_path("trust-tracking-page-tr"), full_page=True)
    assert problems == []


def test_the_return_form_starts_empty_names_what_is_missing_and_confirms_each_action(
    live_server, phone_page, screenshot_path, shop, two_parcel_order
):
    order = two_parcel_order
    shirt = order.lines.get(product_sku="SKU_AA")
    phone_page.goto(page_url(live_server, order, "return", "en"))

    # nothing is selected at first
    assert phone_page.input_value(f"#qty-{shirt.pk}") == ""
    assert phone_page.input_value("#reason") == ""

    # sending the empty form names everything missing, and nothing is created
    phone_page.get_by_role("button", name="Request return").click()
    error = phone_page.get_by_test_id("error").inner_text()
    assert error == ("Still missing: how many of which item to return, a reason.")
    assert Return.objects.count() == 0
    phone_page.screenshot(path=screenshot_path("trust-return-missing-en"), full_page=True)

    # a complete request: the banner confirms the request, the QR code says what to do
    phone_page.select_option(f"#qty-{shirt.pk}", "1")
    phone_page.select_option("#reason", "defective")
    phone_page.get_by_role("button", name="Request return").click()
    assert phone_page.get_by_test_id("done").inner_text() == "Thank you, we have your request."
    assert "carrier's counter" in phone_page.get_by_test_id("qr-hint").inner_text()
    phone_page.screenshot(path=screenshot_path("trust-return-requested-en"), full_page=True)

    # cancelling: the banner says the return is cancelled, not "we have your request"
    phone_page.get_by_role("button", name="Cancel this return").click()
    assert phone_page.get_by_test_id("done").inner_text() == "Your return is cancelled."


# Babel's (CLDR's) formats of 199.900 TRY: two decimals, the locale's separators.
@pytest.mark.parametrize(("lang", "shown"), [("tr", "₺199,90"), ("en", "TRY199.90")])
def test_a_refund_is_shown_in_the_shoppers_money_format(
    live_server, phone_page, screenshot_path, shop, two_parcel_order, lang, shown
):
    order = two_parcel_order
    ret = Return.objects.create(
        order=order,
        rma="R-TRUST-1",
        status="refunded",
        reason="defective",
        resolution="refund",
        refund_amount=Decimal("199.900"),
        currency="TRY",
    )
    ReturnLine.objects.create(
        return_request=ret, order_line=order.lines.get(product_sku="SKU_AA"), quantity=1
    )

    phone_page.goto(page_url(live_server, order, "return", lang))

    assert phone_page.get_by_test_id("refund-amount").inner_text() == shown
    phone_page.screenshot(path=screenshot_path(f"trust-refund-{lang}"), full_page=True)


def test_the_orders_channel_presents_its_own_shop(
    live_server, phone_page, screenshot_path, shop, two_parcel_order
):
    # given the order's channel sells under its own name and phone (email from site settings)
    slug = two_parcel_order.channel.slug
    configure_plugin(
        shop_identity_by_channel=f"{slug}.name=Moda Sepeti Türkiye\n{slug}.phone=+902165550202"
    )
    problems = watch_console(phone_page)

    phone_page.goto(page_url(live_server, two_parcel_order, "track", "tr"))

    assert phone_page.get_by_test_id("shop").inner_text() == "Moda Sepeti Türkiye"
    contact = phone_page.get_by_test_id("shop-contact").inner_text()
    assert "+902165550202" in contact and "destek@modasepeti.example" in contact
    assert "+902125550100" not in contact
    assert problems == []
    phone_page.screenshot(path=screenshot_path("trust-channel-shop-tr"), full_page=True)
