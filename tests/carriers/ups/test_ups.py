"""UPS connector against recorded answers in the carrier's documented format."""

from freezegun import freeze_time

from saleor_tracking_plugin.carriers.connector import CarrierError, Problem
from saleor_tracking_plugin.carriers.connectors import connector_for

from ..harness import failure, settings_with, statuses, track
from ..recordings import replay

NUMBER = "1Z5338FF0107231059"
CREDENTIALS = {"ups_client_id": "merchant-client-id", "ups_client_secret": "s3cret"}


def test_a_delivered_parcel_reports_its_whole_history_ending_delivered():
    update = track("ups", NUMBER, "delivered", **CREDENTIALS)

    assert statuses(update)[-3:] == ["in_transit", "out_for_delivery", "delivered"]
    assert update.problem is None
    assert all(event.occurred_at.tzinfo for event in update.events)


def test_a_parcel_in_transit_is_in_transit():
    update = track("ups", NUMBER, "in_transit", **CREDENTIALS)

    assert statuses(update)[-1] == "in_transit"


def test_a_delivery_problem_is_reported_as_such():
    update = track("ups", NUMBER, "exception", **CREDENTIALS)

    assert statuses(update)[-1] == "failed_attempt"
    assert update.events[0].description or update.events[-1].description


def test_an_unknown_number_is_a_problem_of_that_number_only():
    update = track("ups", NUMBER, "unknown_number", **CREDENTIALS)

    assert update.problem == Problem.UNKNOWN_NUMBER
    assert update.events == ()


def test_refused_credentials_fail_the_whole_call_as_authentication():
    error = failure("ups", NUMBER, "authentication_failure", **CREDENTIALS)

    assert error.problem == Problem.AUTHENTICATION
    assert not error.transient


def test_an_unreadable_answer_fails_the_call_as_malformed():
    error = failure("ups", NUMBER, "malformed", **CREDENTIALS)

    assert error.problem == Problem.MALFORMED
    assert error.transient


def test_scan_times_are_the_true_instant_from_ups_gmt_fields_not_local_clock_as_utc():
    # given UPS's answer with each scan's local time and its GMT date/time or offset
    update = track("ups", NUMBER, "rescheduled", **CREDENTIALS)

    # then every scan is stored at its true instant
    times = sorted(event.occurred_at.isoformat() for event in update.events)
    assert times == [
        "2026-11-18T14:30:00+00:00",  # gmtDate/gmtTime of 15:30 in Neuss
        "2026-11-18T21:00:00+00:00",  # 22:00 in Köln at +01:00 (no gmtDate sent)
        "2026-11-23T14:30:00+00:00",  # 17:30 in Istanbul
    ]


def test_a_rescheduled_delivery_date_is_ups_own_estimate_over_the_scheduled_one():
    update = track("ups", NUMBER, "rescheduled", **CREDENTIALS)

    assert update.estimated_delivery.isoformat() == "2026-11-25"


def test_the_scheduled_delivery_date_is_the_estimate_while_on_its_way():
    update = track("ups", NUMBER, "in_transit", **CREDENTIALS)

    assert update.estimated_delivery.isoformat() == "2026-11-24"


def test_an_outage_is_unavailable_after_exactly_one_request():
    connector = connector_for("ups", settings_with(**CREDENTIALS))

    # when UPS answers the tracking request with HTTP 503 (an HTML page)
    with replay("ups", "outage") as calls:
        try:
            connector.track([NUMBER])
        except CarrierError as error:
            problem = error.problem
        else:
            raise AssertionError("no CarrierError")

    # then staff see UNAVAILABLE (not MALFORMED) and UPS was asked once, not twice
    assert problem == Problem.UNAVAILABLE
    assert [url for url in calls.urls if "/track/" in url] == [
        f"https://onlinetools.ups.com/api/track/v1/details/{NUMBER}?locale=en_US&returnSignature=true"
    ]


# The recorded token was issued at 2025-11-23 12:13:20 UTC for 14,399 seconds.
TOKEN_VALID = "2025-11-23 13:00:00"
TOKEN_ABOUT_TO_EXPIRE = "2025-11-23 16:00:00"


def _token_requests(*moments: str) -> int:
    with replay("ups", "in_transit") as calls:
        for moment in moments:
            with freeze_time(moment):
                # a connector built afresh for every poll, as every worker builds one
                connector_for("ups", settings_with(**CREDENTIALS)).track([NUMBER])
    assert sum("/track/v1/details/" in url for url in calls.urls) == len(moments)
    return sum("/oauth/token" in url for url in calls.urls)


def test_the_oauth_token_is_fetched_once_and_reused_by_later_calls():
    assert _token_requests(TOKEN_VALID, TOKEN_VALID) == 1


def test_a_token_close_to_its_expiry_is_fetched_anew():
    assert _token_requests(TOKEN_VALID, TOKEN_ABOUT_TO_EXPIRE) == 2
