"""Settings are read once per request or task, and a saved change is seen at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_tracking_plugin.config import load_settings
from saleor_tracking_plugin.delays.config import delay_settings
from saleor_tracking_plugin.settings_scope import begin_scope, end_scope

from .helpers import configure_plugin


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
