"""GLS through karrio's `karrio.gls` against the Track and Trace API's documented answer."""

from saleor_tracking_plugin.carriers.connector import Problem
from saleor_tracking_plugin.carriers.connectors import connector_for

from ..harness import settings_with, statuses
from ..recordings import replay

CREDENTIALS = {"gls_client_id": "gls-client", "gls_client_secret": "s3cret"}
NUMBERS = ["70512345678", "70599999999"]


def track_both():
    connector = connector_for("gls", settings_with(**CREDENTIALS))
    with replay("gls", "in_delivery") as calls:
        updates = connector.track(NUMBERS)
    return {u.tracking_number: u for u in updates}, calls


def test_several_numbers_go_in_one_request_and_each_gets_its_answer():
    updates, calls = track_both()

    assert [url for url in calls.urls if "trackids" in url] == [
        "https://api.gls-group.net/track-and-trace-v1/tracking/simple/trackids/70512345678,70599999999"
    ]
    assert statuses(updates["70512345678"]) == ["info_received", "in_transit", "out_for_delivery"]
    assert updates["70599999999"].problem == Problem.UNKNOWN_NUMBER


def test_scan_times_keep_their_offset():
    updates, _ = track_both()

    times = sorted(e.occurred_at.isoformat() for e in updates["70512345678"].events)
    assert times == [
        "2026-11-20T16:00:00+03:00",
        "2026-11-23T22:10:00+01:00",
        "2026-11-24T07:45:00+01:00",
    ]
