"""The dashboard's settings screen: saved through Saleor's own `pluginUpdate` with the
extension's token (the plugin's validators answer), grouped by the plugin, carriers tested with
the doctor's call, message texts previewed on a real order."""

import json

import pytest
from django.test import Client
from saleor.account.models import Group
from saleor.core.jwt import create_access_token_for_app
from saleor.plugins.models import PluginConfiguration

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.saleor_glue.dashboard_app import register_dashboard_app
from tests.carriers.recordings import replay

from ..fixtures import TRACKING_API_PATH
from .helpers import configure_plugin

PLUGIN_UPDATE = """
mutation Save($id: ID!, $input: PluginUpdateInput!) {
  pluginUpdate(id: $id, input: $input) { errors { field code message } }
}"""
LAYOUT = """{ trackingSettingsLayout {
  groups { title fields } carriers { code name fields }
  messageTypes { code label channelsField textTrField textEnField }
} }"""
TEST_CARRIER = """
mutation Test($carrier: String!, $configuration: [SettingInput!]) {
  carrierCredentialsTest(carrier: $carrier, configuration: $configuration) {
    result { severity message } errors { field code message }
  }
}"""
PREVIEW = """
query Preview($type: String!, $number: String, $configuration: [SettingInput!]) {
  messagePreview(messageType: $type, orderNumber: $number, configuration: $configuration) {
    orderNumber texts { language subject body }
  }
}"""
YURTICI = [
    {"name": "yurtici_username", "value": "YKTEST"},
    {"name": "yurtici_password", "value": "YK"},
]


@pytest.fixture
def dashboard_app(db):
    app, _ = register_dashboard_app("https://api.shop.example")
    return app


def staff_token(app, user, *permissions) -> str:
    group = Group.objects.create(name="Post-purchase staff", restricted_access_to_channels=False)
    group.permissions.add(*permissions)
    group.user_set.add(user)
    return create_access_token_for_app(app, user)


@pytest.fixture
def plugin_manager_token(
    dashboard_app, staff_user, permission_manage_orders, permission_manage_plugins
):
    return staff_token(
        dashboard_app, staff_user, permission_manage_orders, permission_manage_plugins
    )


@pytest.fixture
def order_manager_token(dashboard_app, staff_user, permission_manage_orders):
    return staff_token(dashboard_app, staff_user, permission_manage_orders)


def post(path: str, token: str, query: str, variables: dict | None = None) -> dict:
    response = Client().post(
        path,
        data=json.dumps({"query": query, "variables": variables or {}}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    return json.loads(response.content)


def saved(name: str):
    config = PluginConfiguration.objects.get(identifier=PLUGIN_ID)
    return {item["name"]: item.get("value") for item in config.configuration}.get(name)


def test_saleors_plugin_update_with_the_extensions_token_saves_valid_settings(
    plugin_manager_token,
):
    # when the settings screen saves through Saleor's API with the dashboard's token
    body = post(
        "/graphql/",
        plugin_manager_token,
        PLUGIN_UPDATE,
        {
            "id": PLUGIN_ID,
            "input": {"configuration": [{"name": "return_window_days", "value": "30"}]},
        },
    )

    # then Saleor saved it, as from its own plugin page
    assert body["data"]["pluginUpdate"]["errors"] == []
    assert saved("return_window_days") == "30"


def test_saleors_plugin_update_refuses_an_invalid_value_naming_the_field(plugin_manager_token):
    configure_plugin(local_timezone="Europe/Istanbul")

    body = post(
        "/graphql/",
        plugin_manager_token,
        PLUGIN_UPDATE,
        {
            "id": PLUGIN_ID,
            "input": {"configuration": [{"name": "local_timezone", "value": "Mars"}]},
        },
    )

    # then the plugin's validator answered for that field, and nothing changed
    [error] = body["data"]["pluginUpdate"]["errors"]
    assert error["field"] == "localTimezone"  # Saleor camel-cases the setting's name
    assert "IANA time zone" in error["message"]
    assert saved("local_timezone") == "Europe/Istanbul"


def test_without_manage_plugins_the_token_can_neither_save_nor_read_the_layout(
    order_manager_token,
):
    configure_plugin(return_window_days="14")

    saved_body = post(
        "/graphql/",
        order_manager_token,
        PLUGIN_UPDATE,
        {
            "id": PLUGIN_ID,
            "input": {"configuration": [{"name": "return_window_days", "value": "1"}]},
        },
    )
    layout_body = post(TRACKING_API_PATH, order_manager_token, LAYOUT)

    assert saved_body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert saved("return_window_days") == "14"
    assert layout_body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_the_layout_groups_settings_by_capability_with_carriers_and_message_types(
    plugin_manager_token,
):
    layout = post(TRACKING_API_PATH, plugin_manager_token, LAYOUT)["data"]["trackingSettingsLayout"]

    groups = {group["title"]: group["fields"] for group in layout["groups"]}
    assert "return_window_days" in groups["Returns"]
    assert {"Carriers", "Returns", "Delays", "Messages", "Surveys"} <= set(groups)
    carriers = {carrier["code"]: carrier for carrier in layout["carriers"]}
    assert carriers["yurtici"]["name"] == "Yurtiçi Kargo"
    assert "yurtici_password" in carriers["yurtici"]["fields"]
    shipped = next(mt for mt in layout["messageTypes"] if mt["code"] == "shipped")
    assert shipped["channelsField"] == "notify_shipped_channels"
    assert shipped["textTrField"] == "notify_shipped_text_tr"


def test_testing_unsaved_carrier_credentials_makes_the_doctors_call(plugin_manager_token):
    # given Yurtiçi answers the test call with "unknown number" (recorded answer)
    with replay("yurtici", "unknown_number") as calls:
        body = post(
            TRACKING_API_PATH,
            plugin_manager_token,
            TEST_CARRIER,
            {"carrier": "yurtici", "configuration": YURTICI},
        )

    result = body["data"]["carrierCredentialsTest"]
    assert result["errors"] == []
    assert result["result"]["severity"] == "OK"
    assert len(calls.urls) == 1
    # and the credentials typed were only tried, not saved
    assert not PluginConfiguration.objects.filter(identifier=PLUGIN_ID).exists()


def test_refused_carrier_credentials_come_back_as_a_problem(plugin_manager_token):
    with replay("yurtici", "authentication_failure"):
        body = post(
            TRACKING_API_PATH,
            plugin_manager_token,
            TEST_CARRIER,
            {"carrier": "yurtici", "configuration": YURTICI},
        )

    result = body["data"]["carrierCredentialsTest"]["result"]
    assert result["severity"] == "PROBLEM"
    assert "refused the credentials" in result["message"]


def test_an_invalid_credential_value_is_refused_without_a_call(plugin_manager_token):
    with replay("yurtici", "unknown_number") as calls:
        body = post(
            TRACKING_API_PATH,
            plugin_manager_token,
            TEST_CARRIER,
            {
                "carrier": "yurtici",
                "configuration": [{"name": "yurtici_username", "value": "two words"}],
            },
        )

    [error] = body["data"]["carrierCredentialsTest"]["errors"]
    assert (error["field"], error["code"]) == ("yurtici_username", "INVALID")
    assert calls.urls == []


def test_a_message_preview_fills_both_languages_from_a_real_order(
    order_manager_token, delivered_order
):
    configure_plugin(notify_shipped_text_en="Subject: Parcel {order_number}\nHi {customer_name}!")

    body = post(
        TRACKING_API_PATH,
        order_manager_token,
        PREVIEW,
        {
            "type": "shipped",
            "number": str(delivered_order.number),
            "configuration": [
                {
                    "name": "notify_shipped_text_tr",
                    "value": "Merhaba {customer_name}, {order_number}",
                }
            ],
        },
    )

    preview = body["data"]["messagePreview"]
    texts = {text["language"]: text for text in preview["texts"]}
    name = (
        f"{delivered_order.billing_address.first_name} {delivered_order.billing_address.last_name}"
    )
    assert preview["orderNumber"] == str(delivered_order.number)
    # the unsaved Turkish text, and the saved English one
    assert texts["tr"]["body"] == f"Merhaba {name}, {delivered_order.number}"
    assert texts["en"]["subject"] == f"Parcel {delivered_order.number}"
    assert texts["en"]["body"] == f"Hi {name}!"


def test_a_preview_of_an_unknown_order_is_not_found(order_manager_token, delivered_order):
    body = post(
        TRACKING_API_PATH, order_manager_token, PREVIEW, {"type": "shipped", "number": "9999"}
    )

    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
