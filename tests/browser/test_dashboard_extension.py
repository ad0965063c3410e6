"""The dashboard extension in real Chromium, embedded as Saleor's dashboard embeds it.

A host page on its own origin plays the dashboard's side of App Bridge (@saleor/app-sdk's
postMessage protocol): it waits for the extension's `notifyReady` action, answers it, and
sends the `handshake` event with a token Saleor mints here for the plugin's App.
"""

import json
import re
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

import graphene
import pytest
from django.utils import timezone
from playwright.sync_api import expect
from saleor.core.jwt import create_access_token_for_app

from saleor_tracking_plugin.returns.models import Return
from saleor_tracking_plugin.saleor_glue.dashboard_app import (
    DASHBOARD_PATH,
    register_dashboard_app,
)
from saleor_tracking_plugin.tracking.actions import record_events
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus
from tests.saleor.helpers import configure_plugin
from tests.saleor.returns_api import REQUEST_RETURN, call_ok, order_id, request_input

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}

HOST_PAGE = """<!doctype html>
<html><head><title>Saleor dashboard (test host)</title></head>
<body style="margin:0">
<iframe id="extension" src="{src}" style="width:1280px;height:1400px;border:0"></iframe>
<script>
  const extensionOrigin = {origin};
  const token = {token};
  window.actions = [];
  window.addEventListener("message", (event) => {{
    if (event.origin !== extensionOrigin) return;
    const {{ type, payload }} = event.data;
    window.actions.push(type);
    const frame = document.getElementById("extension").contentWindow;
    frame.postMessage({{ type: "response", payload: {{ actionId: payload.actionId, ok: true }} }},
                      extensionOrigin);
    if (type === "notifyReady") {{
      frame.postMessage({{ type: "handshake",
                          payload: {{ token, version: 1, saleorVersion: "3.23.0",
                                     dashboardVersion: "3.23.0" }} }}, extensionOrigin);
    }}
  }});
</script>
</body></html>"""


@pytest.fixture
def dashboard_host():
    """A page server on another origin (its own port) than Saleor's live server."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path.split("?")[0])
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def host(live_server, path: str, token: str, **params) -> str:
        app_id = graphene.Node.to_global_id("App", 1)
        query = urlencode({"id": app_id, "saleorApiUrl": f"{live_server.url}/graphql/", **params})
        src = f"{live_server.url}{DASHBOARD_PATH}{path}?{query}"
        pages["/host.html"] = HOST_PAGE.format(
            src=src, origin=json.dumps(live_server.url), token=json.dumps(token)
        ).encode()
        return f"http://127.0.0.1:{server.server_port}/host.html"

    yield host
    server.shutdown()
    server.server_close()


@pytest.fixture
def desktop_page(chromium):
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def dashboard_app(live_server):
    app, _ = register_dashboard_app(live_server.url)
    return app


@pytest.fixture
def order_manager(staff_user, permission_group_manage_orders):
    permission_group_manage_orders.user_set.add(staff_user)
    return staff_user


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
    card.get_by_label("Outcome of").select_option("RESELLABLE")
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
