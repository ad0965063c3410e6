"""The dashboard extension's other screens in real Chromium, each with a 1280 px screenshot:
settings, complaints, metrics, the call list, broadcast, carrier health, and the order widget's
staff-created return and survey."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from saleor.account.models import Group
from saleor.core.jwt import create_access_token_for_app
from saleor.order import OrderStatus

from saleor_tracking_plugin.carriers.models import CarrierCircuit
from saleor_tracking_plugin.delays import actions as delay_actions
from saleor_tracking_plugin.delays.models import DelayCall
from saleor_tracking_plugin.returns.models import Return
from saleor_tracking_plugin.surveys.models import Complaint
from saleor_tracking_plugin.tracking.actions import record_events
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus
from tests.carriers.recordings import replay
from tests.saleor.helpers import configure_plugin
from tests.saleor.returns_api import order_id

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def plugin_manager(staff_user, permission_manage_orders, permission_manage_plugins):
    group = Group.objects.create(name="Shop managers", restricted_access_to_channels=False)
    group.permissions.add(permission_manage_orders, permission_manage_plugins)
    group.user_set.add(staff_user)
    return staff_user


@pytest.fixture
def saleor_api_as_in_production(monkeypatch):
    """Saleor's test settings add a guard refusing reads from the writer database inside its
    API's requests (off in production: ENABLE_RESTRICT_WRITER_MIDDLEWARE defaults to false);
    Saleor's own authentication of app tokens reads permissions there, so the settings
    screen's calls to Saleor's `/graphql/` run without the guard, as in a real shop."""
    from saleor.core.db import connection

    monkeypatch.setattr(
        connection,
        "restrict_writer",
        lambda execute, sql, params, many, context: execute(sql, params, many, context),
    )


def open_page(page, dashboard_host, live_server, app, user, path="", **params):
    token = create_access_token_for_app(app, user)
    page.goto(dashboard_host(live_server, path, token, locale="en", **params))
    return page.frame_locator("#extension")


def test_settings_refuse_an_invalid_value_next_to_its_field_then_save(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    plugin_manager,
    delivered_order,
    saleor_api_as_in_production,
):
    configure_plugin(return_window_days="14")
    frame = open_page(desktop_page, dashboard_host, live_server, dashboard_app, plugin_manager)
    frame.get_by_role("tab", name="Settings").click()
    frame.get_by_role("tab", name="Return policy").click()
    window = frame.get_by_label("Return window (days)")

    # when staff save a value the plugin's validator refuses
    window.fill("400")
    frame.get_by_role("button", name="Save").click()

    # then Saleor's answer shows next to the field, and nothing is saved
    expect(frame.get_by_test_id("error-return_window_days")).to_contain_text("0 to 365")
    desktop_page.screenshot(path=screenshot_path("dashboard-settings-error"), full_page=True)
    assert _saved("return_window_days") == "14"

    # when they correct it
    window.fill("30")
    frame.get_by_role("button", name="Save").click()

    # then it is saved through Saleor, as on its own plugin page
    expect(frame.get_by_text("Settings saved.")).to_be_visible()
    assert _saved("return_window_days") == "30"

    # and a message's texts are previewed in Turkish and English on a real order
    frame.get_by_role("tab", name="Messages").click()
    shipped = frame.get_by_test_id("message-type-shipped")
    shipped.get_by_label("Shipped: Turkish text").fill("Merhaba {customer_name}, kargonuz yolda.")
    shipped.get_by_role("button", name="Preview texts").click()
    address = delivered_order.billing_address
    name = f"{address.first_name} {address.last_name}"
    expect(shipped.get_by_test_id("preview-tr")).to_contain_text(f"Merhaba {name}, kargonuz yolda.")
    expect(shipped.get_by_test_id("preview-en")).to_contain_text(str(delivered_order.number))
    shipped.scroll_into_view_if_needed()
    desktop_page.screenshot(path=screenshot_path("dashboard-settings-messages"))


def test_testing_a_carriers_credentials_from_the_settings(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    plugin_manager,
    saleor_api_as_in_production,
):
    frame = open_page(desktop_page, dashboard_host, live_server, dashboard_app, plugin_manager)
    frame.get_by_role("tab", name="Settings").click()
    frame.get_by_role("tab", name="Carriers").click()
    card = frame.get_by_test_id("carrier-settings-yurtici")
    card.get_by_label("Yurtiçi web service user").fill("YKTEST")
    card.get_by_label("Yurtiçi web service password").fill("YK")

    # when staff test the typed credentials, Yurtiçi refusing them (recorded answer)
    with replay("yurtici", "authentication_failure") as calls:
        card.get_by_role("button", name="Test credentials").click()
        result = card.get_by_test_id("credential-result")
        expect(result).to_contain_text("Problem")

    # then the doctor's answer shows on the card, after one call, and nothing was saved
    expect(result).to_contain_text("refused the credentials")
    assert len(calls.urls) == 1
    assert _saved("yurtici_username") in (None, "")
    card.scroll_into_view_if_needed()
    desktop_page.screenshot(path=screenshot_path("dashboard-settings-carrier-test"))


def _saved(name):
    from saleor.plugins.models import PluginConfiguration

    from saleor_tracking_plugin import PLUGIN_ID

    config = PluginConfiguration.objects.filter(identifier=PLUGIN_ID).first()
    if config is None:
        return None
    return {item["name"]: item.get("value") for item in config.configuration}.get(name)


def test_staff_assign_answer_and_resolve_a_complaint(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    order_manager,
    unhappy_order,
):
    frame = open_page(desktop_page, dashboard_host, live_server, dashboard_app, order_manager)
    frame.get_by_role("tab", name="Complaints").click()
    card = frame.get_by_test_id(f"complaint-{unhappy_order.number}")
    expect(card.get_by_test_id("complaint-status")).to_have_text("Open")
    desktop_page.screenshot(path=screenshot_path("dashboard-complaints"), full_page=True)

    card.get_by_role("button", name="Assign to me").click()
    expect(card.get_by_test_id("complaint-assignee")).to_have_text(
        f"Assigned to {order_manager.email}"
    )
    card.get_by_label("Answer to the customer").fill("We are sorry; a new box is on its way.")
    card.get_by_role("button", name="Send answer").click()
    expect(card.get_by_test_id("complaint-status")).to_have_text("Answered")
    card.get_by_role("button", name="Resolve").click()
    expect(card.get_by_test_id("complaint-status")).to_have_text("Resolved")

    complaint = Complaint.objects.get(order=unhappy_order)
    assert (complaint.status, complaint.assignee) == ("resolved", order_manager)


def test_the_metrics_show_each_figure_with_its_trend(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    order_manager,
    unhappy_order,
):
    frame = open_page(desktop_page, dashboard_host, live_server, dashboard_app, order_manager)
    frame.get_by_role("tab", name="Metrics").click()

    # the order was rated 1 of 5: CSAT is 0 %, one answer collected
    expect(frame.get_by_test_id("figure-csat").get_by_test_id("figure-value")).to_have_text("0%")
    expect(
        frame.get_by_test_id("figure-feedback_count").get_by_test_id("figure-value")
    ).to_have_text("1")
    expect(frame.get_by_test_id("line-chart").first).to_be_visible()
    desktop_page.screenshot(path=screenshot_path("dashboard-metrics"), full_page=True)


@pytest.fixture
def late_order(order_with_lines):
    order_with_lines.created_at = timezone.now() - timedelta(days=21)
    order_with_lines.status = OrderStatus.UNFULFILLED
    order_with_lines.save(update_fields=["created_at", "status"])
    delay_actions.detect_order_delays(order_with_lines.pk)
    return order_with_lines


def test_the_call_list_broadcast_and_carrier_health(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    order_manager,
    late_order,
):
    CarrierCircuit.objects.create(
        carrier_code="aras",
        consecutive_failures=5,
        open_until=timezone.now() + timedelta(minutes=20),
        last_error="HTTP 503 from Aras",
    )
    frame = open_page(desktop_page, dashboard_host, live_server, dashboard_app, order_manager)

    # the late order is on the call list; staff log a call
    frame.get_by_role("tab", name="Delay call list").click()
    card = frame.get_by_test_id(f"delay-{late_order.number}")
    expect(card).to_contain_text("Not shipped in time")
    card.get_by_label("Call outcome").select_option("NO_ANSWER")
    card.get_by_role("button", name="Log call").click()
    expect(card.locator("li").filter(has_text="No answer")).to_be_visible()
    assert DelayCall.objects.get().outcome == "no_answer"
    desktop_page.screenshot(path=screenshot_path("dashboard-call-list"), full_page=True)

    frame.get_by_role("tab", name="Crisis broadcast").click()
    frame.get_by_label("Carrier codes (comma separated)").fill("yurtici")
    frame.get_by_role("button", name="Preview recipients").click()
    expect(frame.get_by_test_id("recipient-count")).to_be_visible()
    desktop_page.screenshot(path=screenshot_path("dashboard-broadcast"), full_page=True)

    frame.get_by_role("tab", name="Carrier health").click()
    expect(frame.get_by_test_id("carrier-aras")).to_contain_text("Paused until")
    expect(frame.get_by_test_id("carrier-aras")).to_contain_text("HTTP 503 from Aras")
    desktop_page.screenshot(path=screenshot_path("dashboard-carrier-health"), full_page=True)


def test_the_order_widget_creates_a_return_and_shows_the_survey_and_complaint(
    live_server,
    dashboard_host,
    desktop_page,
    screenshot_path,
    dashboard_app,
    order_manager,
    unhappy_order,
):
    configure_plugin(return_auto_approve=False)
    parcel = unhappy_order.tracked_shipments.get()
    record_events(
        parcel.pk,
        [
            TrackingEventData(
                timezone.now() - timedelta(days=3), ShipmentStatus.IN_TRANSIT, "Yolda", "İstanbul"
            ),
        ],
        source="yurtici",
    )
    frame = open_page(
        desktop_page,
        dashboard_host,
        live_server,
        dashboard_app,
        order_manager,
        "order/",
        orderId=order_id(unhappy_order),
    )

    # the customer's score and complaint are on the order
    expect(frame.get_by_test_id("survey-answer")).to_contain_text("Score 1/5")
    expect(frame.get_by_test_id(f"complaint-{unhappy_order.number}")).to_contain_text(
        "The box was crushed."
    )

    # when staff create a return of one shirt for the customer
    shirt = unhappy_order.lines.get(product_sku="SKU_AA")
    form = frame.get_by_test_id("staff-return")
    form.get_by_label(f"Quantity of {shirt.product_name} (at most 3)").select_option("1")
    form.get_by_label("Reason").select_option("DEFECTIVE")
    form.get_by_role("button", name="Create return").click()

    # then it is made under the same rules, and listed with the order's returns
    expect(frame.get_by_test_id("return-created")).to_contain_text("created")
    ret = Return.objects.get()
    assert (ret.status, ret.reason, ret.lines.get().quantity) == ("requested", "defective", 1)
    expect(frame.get_by_test_id(f"return-{ret.rma}")).to_contain_text("Defective")
    desktop_page.screenshot(path=screenshot_path("dashboard-order-widget"), full_page=True)
