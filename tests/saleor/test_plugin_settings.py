"""Saving the plugin's settings through Saleor's `pluginUpdate`: nonsense is refused with the
field named and the fix said; sensible values are saved; every field is validated."""

import pytest
from graphene.utils.str_converters import to_camel_case
from saleor.graphql.tests.utils import get_graphql_content
from saleor.plugins.models import PluginConfiguration

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.config import ESSENTIAL_FIELDS, Settings, all_fields
from saleor_tracking_plugin.notifications.config import notification_settings, text_field_name

PLUGIN_UPDATE = """
mutation Save($id: ID!, $input: PluginUpdateInput!) {
  pluginUpdate(id: $id, input: $input) {
    plugin { globalConfiguration { configuration { name value } } }
    errors { field code message }
  }
}
"""


@pytest.fixture
def save_settings(staff_api_client, permission_manage_plugins):
    staff_api_client.user.user_permissions.add(permission_manage_plugins)

    def save(**values):
        response = staff_api_client.post_graphql(
            PLUGIN_UPDATE,
            {
                "id": PLUGIN_ID,
                "input": {
                    "active": True,
                    "configuration": [
                        {"name": name, "value": value} for name, value in values.items()
                    ],
                },
            },
        )
        return get_graphql_content(response)["data"]["pluginUpdate"]

    return save


def saved_value(name: str):
    config = PluginConfiguration.objects.filter(identifier=PLUGIN_ID).first()
    items = {item["name"]: item["value"] for item in (config.configuration if config else [])}
    return items.get(name)


@pytest.mark.parametrize(
    ("field", "value", "fix"),
    [
        ("guest_lookup_limit", "on", "whole number from 1 to 10000"),
        ("local_timezone", "Istanbul", "IANA time zone with its region, e.g. Europe/Istanbul"),
        ("default_carrier", "kargo-x", "'kargo-x' is not a known carrier; use one of yurtici"),
        ("return_reasons", "size, too_late", "too_late is not one of size"),
        ("carrier_rate_limits", "ups=30\nfedex", "line 2 ('fedex') needs the form carrier="),
        ("transit_days", "yurtcii=2", "line 1: 'yurtcii' is not a known carrier code"),
        ("crm_webhook_url", "crm.example.com/hook", "full URL starting with https://"),
        ("twilio_from", "05321234567", "number with country code such as +905321234567"),
        ("quiet_hours_start", "9pm", "HH:MM (24-hour)"),
        ("notify_shipped_channels", "email, fax", "fax is not one of email, sms"),
        (text_field_name("shipped", "tr"), "Merhaba {musteri}", "{musteri} is not a fact"),
    ],
)
def test_nonsense_is_refused_naming_the_field_and_the_fix(save_settings, field, value, fix):
    # given the plugin with its default settings
    default = {f.name: f.default for f in all_fields()}[field]

    # when a merchant saves an unusable value
    result = save_settings(**{field: value})

    # then Saleor answers with an error on that field (camel-cased, as Saleor names fields)
    # that says how to fix it, and saves nothing
    [error] = result["errors"]
    assert error["field"] == to_camel_case(field)
    assert error["code"] == "INVALID"
    assert fix in error["message"]
    assert saved_value(field) in (None, default)


def test_every_problem_is_reported_at_once(save_settings):
    # when two fields are wrong
    result = save_settings(guest_lookup_limit="on", local_timezone="Istanbul")

    # then both are named, each with the setting's label
    messages = {error["field"]: error["message"] for error in result["errors"]}
    assert set(messages) == {"guestLookupLimit", "localTimezone"}
    assert messages["localTimezone"].startswith("Essentials · Shop time zone:")


def test_sensible_values_are_saved(save_settings):
    # when a merchant saves usable values
    result = save_settings(
        guest_lookup_limit="25",
        local_timezone="Europe/Berlin",
        default_carrier="Aras Kargo",
        return_carrier_codes="yurtici=304512\n# MNG later",
        twilio_from="+905321234567",
        quiet_hours_start="",
    )

    # then they are saved without errors
    assert result["errors"] == []
    assert saved_value("guest_lookup_limit") == "25"
    assert saved_value("local_timezone") == "Europe/Berlin"


def test_clearing_quiet_hours_turns_them_off(save_settings):
    # when the merchant empties the quiet hours' start
    save_settings(quiet_hours_start="")

    # then the plugin reads no quiet hours, not the 21:00 default
    config = PluginConfiguration.objects.get(identifier=PLUGIN_ID).configuration
    assert Settings(config).typed(notification_settings).quiet_hours_start == ""


def test_every_field_declares_a_validator_that_accepts_its_default():
    # A new setting without a validator, or with a default its own validator refuses, fails here.
    for field in all_fields():
        assert field.check is not None, f"{field.name} has no validator"
        assert field.problem(field.default) is None, f"{field.name}'s default is refused"
        assert field.help_text.strip(), f"{field.name} has no help text"


def test_essential_settings_come_first_and_every_label_names_its_group():
    fields = all_fields()
    assert [field.name for field in fields[: len(ESSENTIAL_FIELDS)]] == list(ESSENTIAL_FIELDS)
    for field in fields:
        group, separator, _ = field.label.partition(" · ")
        assert separator and group, f"{field.name}'s label has no group prefix"


def test_a_value_contradicting_a_saved_one_is_refused(save_settings):
    # given business hours ending at the default 18:00
    # when the merchant moves their start to 18:00 without moving the end
    result = save_settings(business_hours_start="18:00")

    # then the end is named (Saleor validates the whole configuration, saved values included)
    [error] = result["errors"]
    assert error["field"] == "businessHoursEnd"
    assert "must be later than the business hours start (18:00)" in error["message"]
    assert saved_value("business_hours_start") in (None, "09:00")
