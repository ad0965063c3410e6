"""Refunds that need staff in the dashboard extension, in real Chromium: a line inspected as
split outcomes, a refund whose gateway answer was lost settled by hand, and a return whose
parcel never arrived closed with its reason (order widget, in Turkish); a delay's refund no
payment app could make, marked done from the call list."""

from datetime import timedelta

import pytest
import requests
from django.utils import timezone
from playwright.sync_api import expect
from saleor.core.jwt import create_access_token_for_app
from saleor.order import OrderStatus
from saleor.payment.gateways.dummy import plugin as dummy_gateway

from saleor_tracking_plugin.delays import actions as delay_actions
from saleor_tracking_plugin.delays.models import DelayRefund, OrderDelay
from saleor_tracking_plugin.delays.models import RefundStatus as DelayRefundStatus
from saleor_tracking_plugin.delays.rules import DelayChoice
from saleor_tracking_plugin.returns.models import RefundStatus, Return, ReturnRefund
from tests.saleor.helpers import configure_plugin
from tests.saleor.returns_api import (
    APPROVE,
    RECEIVE,
    REQUEST_RETURN,
    SET_TRACKING,
    call_ok,
    order_id,
    request_input,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_split_an_inspection_and_mark_an_unknown_refund_done(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    order_manager,
    delivered_order,
    customer_tracking_client,
    staff_tracking_client,
    monkeypatch,
):
    # given two shirts came back, and the payment gateway's answer to a refund will be lost
    shirt = delivered_order.lines.get(product_sku="SKU_AA")
    ret = call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 2))},
    )
    call_ok(staff_tracking_client, RECEIVE, {"id": ret["id"]})
    gateway_calls = []

    def timing_out(payment_information, config):
        gateway_calls.append(payment_information.amount)
        raise requests.exceptions.ReadTimeout("Read timed out. (read timeout=20)")

    monkeypatch.setattr(dummy_gateway, "refund", timing_out)
    token = create_access_token_for_app(dashboard_app, order_manager)
    desktop_page.goto(dashboard_host(live_server, "", token, locale="en"))
    card = desktop_page.frame_locator("#extension").get_by_test_id(f"return-{ret['rma']}")

    # when staff count 1 resellable and 2 damaged, they are told the sum is wrong
    card.get_by_label(f"Damaged: {shirt.product_name}").fill("2")
    expect(card.get_by_test_id("split-problem")).to_contain_text("count 4, but 2 were returned")
    expect(card.get_by_role("button", name="Save inspection")).to_be_disabled()
    desktop_page.screenshot(path=screenshot_path("dashboard-return-inspection"), full_page=True)
    # and once it is 1 + 1 the inspection is saved as a split
    card.get_by_label(f"Damaged: {shirt.product_name}").fill("1")
    card.get_by_label(f"Resellable: {shirt.product_name}").fill("1")
    card.get_by_role("button", name="Save inspection").click()
    expect(card.get_by_test_id("status")).to_have_text("Inspected")
    assert Return.objects.get().lines.get().outcome_quantities == {"resellable": 1, "damaged": 1}

    # when the refund's answer is lost, the card shows the unknown refund and its reason
    card.get_by_role("button", name="Refund", exact=True).click()
    expect(card.get_by_test_id("error")).to_contain_text("No answer from the gateway")
    expect(card.get_by_test_id("refund-status")).to_have_text("Unknown: check the payment")
    expect(card.get_by_test_id("refund-error")).to_be_visible()
    card.scroll_into_view_if_needed()
    desktop_page.screenshot(path=screenshot_path("dashboard-refund-unknown"), full_page=True)

    # when staff, having found it in the gateway, mark it refunded with its reference
    card.get_by_role("button", name="Mark refunded").click()
    card.get_by_label("Reference in the gateway or bank").fill("PSP-778")
    card.get_by_role("button", name="Mark refunded").click()
    expect(card.get_by_test_id("settle-confirm")).to_contain_text("PSP-778")
    card.get_by_role("button", name="Yes, mark refunded").click()

    # then the return is refunded with their reference, the gateway asked only once
    expect(card.get_by_test_id("status")).to_have_text("Refunded")
    record = ReturnRefund.objects.get()
    assert (record.status, record.saleor_reference) == (RefundStatus.SUCCEEDED, "manual:PSP-778")
    assert Return.objects.get().status == "refunded"
    assert len(gateway_calls) == 1


def test_staff_close_a_return_lost_on_its_way_back_from_the_order_page_in_turkish(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    order_manager,
    delivered_order,
    customer_tracking_client,
    staff_tracking_client,
):
    # given an approved return whose parcel the customer shipped back
    configure_plugin(return_auto_approve=False)
    shirt = delivered_order.lines.get(product_sku="SKU_AA")
    ret = call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 1))},
    )
    call_ok(staff_tracking_client, APPROVE, {"id": ret["id"]})
    call_ok(
        customer_tracking_client,
        SET_TRACKING,
        {"returnId": ret["id"], "trackingNumber": "305799990000", "id": order_id(delivered_order)},
    )
    token = create_access_token_for_app(dashboard_app, order_manager)
    order = order_id(delivered_order)
    desktop_page.goto(dashboard_host(live_server, "order/", token, locale="tr", orderId=order))
    card = desktop_page.frame_locator("#extension").get_by_test_id(f"return-{ret['rma']}")

    # when staff close it, a reason being required
    card.get_by_role("button", name="İadeyi kapat").click()
    close = card.get_by_role("button", name="İadesiz kapat")
    expect(close).to_be_disabled()
    card.get_by_label("Kapatma nedeni (ör. paket kayboldu)").fill("Kargo paketi kaybetti")
    close.click()

    # then it is closed with the reason, without a refund
    expect(card.get_by_test_id("status")).to_have_text("Kapatıldı")
    expect(card.get_by_test_id("close-reason")).to_have_text(
        "İadesiz kapatıldı: Kargo paketi kaybetti"
    )
    closed = Return.objects.get()
    assert (closed.status, closed.close_reason) == ("closed", "Kargo paketi kaybetti")
    assert not ReturnRefund.objects.exists()
    card.scroll_into_view_if_needed()
    desktop_page.screenshot(path=screenshot_path("dashboard-return-closed-tr"), full_page=True)


@pytest.fixture
def failed_delay_refund(order_with_lines, transaction_item_generator):
    """A late order paid through Saleor's transaction API, cancelled by its customer; no
    payment app handles refunds, so Saleor could not refund it."""
    order_with_lines.created_at = timezone.now() - timedelta(days=21)
    order_with_lines.status = OrderStatus.UNFULFILLED
    order_with_lines.save(update_fields=["created_at", "status"])
    transaction_item_generator(
        order_id=order_with_lines.pk,
        charged_value=order_with_lines.total.gross.amount,
        available_actions=["refund"],
    )
    delay_actions.detect_order_delays(order_with_lines.pk)
    delay = OrderDelay.objects.get(order=order_with_lines)
    delay_actions.choose(delay.pk, DelayChoice.CANCEL, updates_consent=False)
    refund = DelayRefund.objects.get()
    assert refund.status == DelayRefundStatus.FAILED
    return refund


def test_staff_mark_a_failed_delay_refund_done_from_the_call_list(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    order_manager,
    failed_delay_refund,
):
    order = failed_delay_refund.delay.order
    token = create_access_token_for_app(dashboard_app, order_manager)
    desktop_page.goto(dashboard_host(live_server, "", token, locale="en"))
    frame = desktop_page.frame_locator("#extension")
    frame.get_by_role("tab", name="Delay call list").click()
    refund = frame.get_by_test_id(f"delay-{order.number}").get_by_test_id("delay-refund")
    expect(refund).to_contain_text("No app or plugin is configured")

    # when staff record the refund they made in the bank, confirming it
    refund.get_by_role("button", name="Mark refunded").click()
    refund.get_by_label("Reference in the gateway or bank").fill("BANK-12")
    refund.get_by_role("button", name="Mark refunded").click()
    refund.get_by_role("button", name="Yes, mark refunded").click()

    # then the delay's refund is done with their reference, and no action is left
    expect(refund).to_have_attribute("data-status", "SUCCEEDED")
    expect(refund.get_by_test_id("refund-settle")).to_have_count(0)
    settled = DelayRefund.objects.get()
    assert (settled.status, settled.detail) == (DelayRefundStatus.SUCCEEDED, "manual:BANK-12")
