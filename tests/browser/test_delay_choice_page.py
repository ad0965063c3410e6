"""A late order's shopper cancels from a phone, in real Chromium; Saleor cancels and refunds."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from saleor.order import OrderStatus
from saleor.payment import ChargeStatus, TransactionKind

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.delays import actions
from saleor_tracking_plugin.delays.models import DelayRefund, OrderDelay
from saleor_tracking_plugin.notifications.models import OutboxMessage
from saleor_tracking_plugin.pages.links import order_token

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def late_paid_order(payment_txn_captured):
    order = payment_txn_captured.order
    order.created_at = timezone.now() - timedelta(days=21)
    order.status = OrderStatus.UNFULFILLED
    order.language_code = "en"
    order.save(update_fields=["created_at", "status", "language_code"])
    actions.detect_order_delays(order.pk)
    return order


def track_url(live_server, order, lang="") -> str:
    url = (
        f"{live_server.url}/plugins/global/{PLUGIN_ID}/pages/track/?t={order_token(order, 'track')}"
    )
    return f"{url}&lang={lang}" if lang else url


def test_a_shopper_cancels_a_late_order_on_a_phone_and_is_refunded_once(
    live_server, phone_page, screenshot_path, late_paid_order
):
    # given the delay message the customer was sent, and its link opened on a phone
    [message] = OutboxMessage.objects.filter(order=late_paid_order, message_type="delay_detected")
    assert message.subject == f"We are sorry: your order {late_paid_order.number} is late"
    link = re.search(r"https?://\S+/pages/track/\?t=\S+", message.body).group(0)
    phone_page.goto(live_server.url + link[link.index("/plugins/") :])
    assert phone_page.get_by_test_id("delay-cause").inner_text() == (
        "Your order is taking longer than we promised to leave our warehouse."
    )
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    path = screenshot_path("delay-choices-phone-en")
    phone_page.screenshot(path=path, full_page=True)
    with Image.open(path) as image:
        assert image.width == 390 * 2
        assert len(image.convert("RGB").getcolors(maxcolors=1_000_000)) > 50

    # when the shopper taps "cancel", and confirms it
    with phone_page.expect_navigation():
        phone_page.get_by_role("button", name="Cancel my order and refund me").tap()
    assert (
        late_paid_order.payments.get().transactions.filter(kind=TransactionKind.REFUND).count() == 0
    )
    with phone_page.expect_navigation():
        phone_page.get_by_role("button", name="Yes, cancel my order").tap()

    # then the page confirms the cancellation and the refund
    assert phone_page.get_by_role("heading", name="Your order has been cancelled").is_visible()
    refund_text = phone_page.get_by_test_id("refund").inner_text()
    assert refund_text.startswith("We have refunded")
    # and Saleor cancelled the order and refunded the payment, once
    late_paid_order.refresh_from_db()
    payment = late_paid_order.payments.get()
    assert late_paid_order.status == OrderStatus.CANCELED
    assert payment.charge_status == ChargeStatus.FULLY_REFUNDED
    assert payment.transactions.filter(kind=TransactionKind.REFUND).count() == 1
    assert DelayRefund.objects.get().idempotency_key == (
        f"refund:delay:{OrderDelay.objects.get().pk}"
    )

    # and going back and reloading offers nothing to tap twice
    phone_page.goto(track_url(live_server, late_paid_order))
    assert phone_page.get_by_role("button", name="Cancel my order and refund me").count() == 0


def test_a_turkish_shopper_chooses_to_wait_on_a_phone(
    live_server, phone_page, screenshot_path, late_paid_order
):
    phone_page.goto(track_url(live_server, late_paid_order, lang="tr"))

    phone_page.get_by_label("Teslimata kadar beni e-posta veya SMS ile bilgilendirin").check()
    with phone_page.expect_navigation():
        phone_page.get_by_role("button", name="Yeni tarihe kadar beklerim").tap()

    assert phone_page.get_by_test_id("delay-result").inner_text() == (
        "Teşekkürler, tercihinizi kaydettik."
    )
    assert phone_page.locator("html").get_attribute("lang") == "tr"
    phone_page.screenshot(path=screenshot_path("delay-waiting-phone-tr"), full_page=True)
    delay = OrderDelay.objects.get()
    assert (delay.choice, delay.updates_consent) == ("wait", True)
