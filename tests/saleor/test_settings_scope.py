"""Settings are read once per request or task, and a saved change is seen at once."""

from dataclasses import FrozenInstanceError
from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from saleor.graphql.tests.utils import get_graphql_content

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.carriers.carrier_settings import aggregator_settings, carrier_settings
from saleor_tracking_plugin.carriers.yurtici.client import credentials as yurtici_credentials
from saleor_tracking_plugin.config import Settings, load_settings
from saleor_tracking_plugin.delays.config import delay_settings
from saleor_tracking_plugin.graphql.guest_throttle import guest_lookup_limits
from saleor_tracking_plugin.notifications.config import notification_settings
from saleor_tracking_plugin.returns.policy import from_settings as return_policy
from saleor_tracking_plugin.settings_scope import begin_scope, end_scope
from saleor_tracking_plugin.shop_settings import shop_settings
from saleor_tracking_plugin.surveys.config import survey_settings
from saleor_tracking_plugin.tracking.config import tracking_settings

from ..fixtures import TRACKING_API_PATH, tracking_content
from .helpers import configure_plugin
from .test_plugin_settings import PLUGIN_UPDATE


@pytest.fixture
def save_through_saleor(staff_api_client, permission_manage_plugins):
    """Save settings as the dashboard does: Saleor's `pluginUpdate`, a request of this process."""
    staff_api_client.user.user_permissions.add(permission_manage_plugins)

    def save(**values):
        configuration = [{"name": name, "value": value} for name, value in values.items()]
        response = staff_api_client.post_graphql(
            PLUGIN_UPDATE,
            {"id": PLUGIN_ID, "input": {"active": True, "configuration": configuration}},
        )
        assert get_graphql_content(response)["data"]["pluginUpdate"]["errors"] == []

    return save


def settings_reads(times: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        for _ in range(times):
            load_settings()
    return len(captured)


def test_a_request_or_task_reads_the_settings_once():
    configure_plugin(delay_no_scan_hours="48")
    begin_scope()
    try:
        assert settings_reads(10) == 1
    finally:
        end_scope()


def test_saving_the_configuration_is_seen_by_the_next_read_of_the_same_task():
    configure_plugin(delay_no_scan_hours="48")
    begin_scope()
    try:
        assert load_settings().typed(delay_settings).policy.no_scan_hours == 48

        configure_plugin(delay_no_scan_hours="24")

        assert load_settings().typed(delay_settings).policy.no_scan_hours == 24
    finally:
        end_scope()


def test_outside_a_request_or_task_every_read_sees_the_database():
    configure_plugin(delay_detection_window_days="30")
    assert settings_reads(3) == 3


def test_a_typed_view_is_built_once_per_read():
    settings = load_settings()
    assert settings.typed(delay_settings) is settings.typed(delay_settings)


def test_a_plugin_request_uses_the_configuration_saleor_loaded_to_route_it(api_client):
    # given a saved return window
    configure_plugin(return_window_days="21")
    api_client.api_path = TRACKING_API_PATH

    # when a shopper asks the plugin for the return policy
    with CaptureQueriesContext(connection) as captured:
        content = tracking_content(api_client.post_graphql("{ returnPolicy { windowDays } }"))

    # then the saved value is answered, and the configuration was read once (by Saleor)
    assert content["data"]["returnPolicy"]["windowDays"] == 21
    reads = [q for q in captured.captured_queries if "plugins_pluginconfiguration" in q["sql"]]
    assert len(reads) == 1


def test_survey_settings_are_one_typed_frozen_view_within_bounds():
    # given business hours that end before they start, and a coupon as a fixed amount
    configure_plugin(
        business_hours_start="18:00",
        business_hours_end="09:00",
        coupon_discount_type="fixed",
        coupon_value=" 50 ",
        survey_edit_days="3",
    )

    # when the survey capability reads its settings
    config = load_settings().typed(survey_settings)

    # then it gets typed values, the working day falls back to 09:00-18:00, and nobody
    # can change them
    assert (config.business_opens, config.business_closes) == (time(9), time(18))
    assert (config.coupon_percentage, config.coupon_value) == (False, "50")
    assert config.edit_days == 3
    with pytest.raises(FrozenInstanceError):
        config.edit_days = 30  # type: ignore[misc]


def test_a_value_saved_through_plugin_update_reaches_the_next_tasks_typed_views(
    save_through_saleor,
):
    # given a task that read the carrier and notification settings
    configure_plugin(poll_retries="2", yurtici_username="old-user", sms_provider="netgsm")
    begin_scope()
    try:
        settings = load_settings()
        assert settings.typed(carrier_settings).poll_retries == 2
        assert settings.typed(yurtici_credentials).username == "old-user"
        assert settings.typed(notification_settings).sms_provider == "netgsm"
    finally:
        end_scope()

    # when staff save new values through Saleor's pluginUpdate
    save_through_saleor(poll_retries="4", yurtici_username="new-user", sms_provider="twilio")

    # then the next task of this process sees them in its typed views
    begin_scope()
    try:
        settings = load_settings()
        assert settings.typed(carrier_settings).poll_retries == 4
        assert settings.typed(yurtici_credentials).username == "new-user"
        assert settings.typed(notification_settings).sms_provider == "twilio"
    finally:
        end_scope()


def test_a_save_through_plugin_update_during_a_task_rebuilds_its_typed_views(
    save_through_saleor,
):
    # given a running task that built its notification view
    configure_plugin(notification_retry_base_seconds="60")
    begin_scope()
    try:
        before = load_settings().typed(notification_settings)

        # when staff save a new retry delay through Saleor's pluginUpdate meanwhile
        save_through_saleor(notification_retry_base_seconds="300")

        # then the task's next read builds the view again from the saved value
        after = load_settings().typed(notification_settings)
        assert (before.retry_base_seconds, after.retry_base_seconds) == (60, 300)
    finally:
        end_scope()


def test_settings_are_read_by_name_and_type_only():
    settings = Settings([{"name": "poll_retries", "value": "3"}])

    # a number is read as a number; a name the plugin lacks or the wrong type fails loudly
    assert settings.number("poll_retries") == 3
    with pytest.raises(TypeError):
        settings.text("poll_retries")
    with pytest.raises(TypeError):
        settings.number("carrier_sandbox")
    with pytest.raises(KeyError):
        settings.flag("no_such_setting")
    # and no untyped attribute read is left
    with pytest.raises(AttributeError):
        settings.poll_retries  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize(
    "build",
    [
        carrier_settings,
        aggregator_settings,
        notification_settings,
        tracking_settings,
        guest_lookup_limits,
        shop_settings,
        delay_settings,
        return_policy,
        survey_settings,
    ],
)
def test_every_typed_view_builds_from_the_defaults_and_cannot_be_changed(build):
    # given a merchant who saved nothing
    settings = Settings([])

    # when a capability reads its view, then each field is read with its own type (a builder
    # reading a number as text fails here) and the view is frozen
    view = settings.typed(build)
    with pytest.raises(FrozenInstanceError):
        setattr(view, next(iter(vars(view))), None)
