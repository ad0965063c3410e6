"""The dashboard extension in real Chromium, embedded as Saleor's dashboard embeds it.

A host page on its own origin plays the dashboard's side of App Bridge (@saleor/app-sdk's
postMessage protocol): it waits for the extension's `notifyReady` action, answers it, and
sends the `handshake` event with a token Saleor mints here for the plugin's App.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from saleor.core.jwt import create_access_token_for_app

from saleor_tracking_plugin.returns.models import Return
from saleor_tracking_plugin.tracking.actions import record_events
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus
from tests.saleor.helpers import configure_plugin
from tests.saleor.returns_api import REQUEST_RETURN, call_ok, order_id, request_input

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def requested_return(delivered_order, customer_tracking_client):
    configure_plugin(return_auto_approve=False)
    shirt = delivered_order.lines.get(product_sku="SKU_AA")
    return call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 1), reason="DEFECTIVE")},
    )


def test_staff_take_a_return_to_its_refund_on_the_post_purchase_page(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    order_manager,
    requested_return,
):
    # given the dashboard opens the Post-purchase page with the staff user's app token
    token = create_access_token_for_app(dashboard_app, order_manager)
    desktop_page.goto(dashboard_host(live_server, "", token, theme="light", locale="en"))
    frame = desktop_page.frame_locator("#extension")
    card = frame.get_by_test_id(f"return-{requested_return['rma']}")
    next_action = card.get_by_test_id("next-action")

    # then the queue lists the waiting return
    expect(next_action).to_have_text("Next: approve or reject")
    desktop_page.screenshot(path=screenshot_path("dashboard-post-purchase-returns"), full_page=True)

    # when staff approve it, mark its parcel received, inspect the line and refund
    card.get_by_role("button", name="Approve").click()
    expect(next_action).to_have_text("Next: wait for the parcel")
    card.get_by_role("button", name="Mark received").click()
    expect(next_action).to_have_text("Next: inspect each line")
    card.get_by_label("Resellable: ").fill("1")
    card.get_by_role("button", name="Save inspection").click()
    expect(next_action).to_have_text("Next: refund or credit")
    card.get_by_role("button", name="Refund").click()

    # then Saleor refunded the inspected item once, and the card says so
    expect(next_action).to_have_text("Next: nothing")
    expect(card.get_by_test_id("refund-state")).to_have_text(re.compile(r"^Refunded "))
    ret = Return.objects.get()
    assert ret.status == "refunded"
    assert ret.refunds.count() == 1
    desktop_page.screenshot(path=screenshot_path("dashboard-return-refunded"), full_page=True)


def test_the_order_widget_shows_a_parcels_timeline_in_turkish(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    order_manager,
    delivered_order,
):
    # given the parcel's carrier scans
    parcel = delivered_order.tracked_shipments.get()
    now = timezone.now()
    record_events(
        parcel.pk,
        [
            TrackingEventData(
                now - timedelta(days=3), ShipmentStatus.IN_TRANSIT, "Kargoya verildi", "İstanbul"
            ),
            TrackingEventData(
                now - timedelta(days=2), ShipmentStatus.DELIVERED, "Teslim edildi", "Ankara"
            ),
        ],
        source="yurtici",
    )
    token = create_access_token_for_app(dashboard_app, order_manager)

    # when the dashboard, in Turkish, opens the order page's extension
    url = dashboard_host(
        live_server, "order/", token, locale="tr", orderId=order_id(delivered_order)
    )
    desktop_page.goto(url)
    frame = desktop_page.frame_locator("#extension")

    # then the parcel shows with its timeline, oldest scan first, in Turkish
    shipment = frame.get_by_test_id("shipment-305712345678")
    timeline = shipment.get_by_test_id("timeline").locator("li")
    expect(timeline).to_have_count(2)
    expect(timeline.nth(0)).to_contain_text("Kargoya verildi (İstanbul)")
    expect(timeline.nth(1)).to_contain_text("Teslim edildi (Ankara)")
    expect(frame.get_by_role("heading", name="Paketler")).to_be_visible()
    expect(
        frame.get_by_test_id("empty").filter(has_text="Bu siparişin iadesi yok.")
    ).to_be_visible()
    desktop_page.screenshot(path=screenshot_path("dashboard-order-widget-tr"), full_page=True)


def test_a_token_without_manage_orders_shows_no_permission_and_changes_nothing(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    staff_user,
    requested_return,
):
    # given a staff user without MANAGE_ORDERS: Saleor's token for the App carries none
    token = create_access_token_for_app(dashboard_app, staff_user)

    desktop_page.goto(dashboard_host(live_server, "", token, locale="en"))
    frame = desktop_page.frame_locator("#extension")

    # then a clear screen says so, and no action is offered
    expect(frame.get_by_test_id("no-permission")).to_contain_text("No permission")
    expect(frame.get_by_role("button", name="Approve")).to_have_count(0)
    assert Return.objects.get().status == "requested"
    desktop_page.screenshot(path=screenshot_path("dashboard-no-permission"), full_page=True)
