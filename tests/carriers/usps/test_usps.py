"""USPS connector against recorded answers in the carrier's documented format."""

from datetime import date

from saleor_tracking_plugin.carriers.connector import Problem

from ..harness import failure, statuses, track

NUMBER = "9400111899223197428490"
CREDENTIALS = {"usps_client_id": "usps-id", "usps_client_secret": "s3cret"}


def test_a_delivered_parcel_reports_its_whole_history_ending_delivered():
    update = track("usps", NUMBER, "delivered", **CREDENTIALS)

    assert statuses(update)[-2:] == ["out_for_delivery", "delivered"]
    assert update.problem is None
    assert all(event.occurred_at.tzinfo for event in update.events)


def test_a_parcel_in_transit_is_in_transit():
    update = track("usps", NUMBER, "in_transit", **CREDENTIALS)

    assert statuses(update)[-1] == "in_transit"
    assert update.estimated_delivery == date(2026, 11, 24)


def test_a_delivery_problem_is_reported_as_such():
    update = track("usps", NUMBER, "exception", **CREDENTIALS)

    assert statuses(update)[-1] == "failed_attempt"
    assert update.events[0].description or update.events[-1].description


def test_an_unknown_number_is_a_problem_of_that_number_only():
    update = track("usps", NUMBER, "unknown_number", **CREDENTIALS)

    assert update.problem == Problem.UNKNOWN_NUMBER
    assert update.events == ()


def test_refused_credentials_fail_the_whole_call_as_authentication():
    error = failure("usps", NUMBER, "authentication_failure", **CREDENTIALS)

    assert error.problem == Problem.AUTHENTICATION
    assert not error.transient


def test_an_unreadable_answer_fails_the_call_as_malformed():
    error = failure("usps", NUMBER, "malformed", **CREDENTIALS)

    assert error.problem == Problem.MALFORMED
    assert error.transient


def test_scans_are_stored_at_their_gmt_time_not_the_local_clock():
    update = track("usps", NUMBER, "local_and_gmt_times", **CREDENTIALS)

    assert sorted(e.occurred_at.isoformat() for e in update.events) == [
        "2026-11-18T16:20:00+00:00",
        "2026-11-19T05:00:00+00:00",
    ]
