"""FedEx connector against recorded answers in the carrier's documented format."""

from datetime import date

from saleor_tracking_plugin.carriers.connector import Problem

from ..harness import failure, statuses, track

NUMBER = "794843185271"
CREDENTIALS = {"fedex_api_key": "l7-key", "fedex_secret_key": "s3cret"}


def test_a_delivered_parcel_reports_its_whole_history_ending_delivered():
    update = track("fedex", NUMBER, "delivered", **CREDENTIALS)

    assert statuses(update)[-3:] == ["in_transit", "out_for_delivery", "delivered"]
    assert update.problem is None
    assert all(event.occurred_at.tzinfo for event in update.events)


def test_a_parcel_in_transit_is_in_transit():
    update = track("fedex", NUMBER, "in_transit", **CREDENTIALS)

    assert statuses(update)[-1] == "in_transit"
    assert update.estimated_delivery == date(2026, 11, 24)


def test_a_delivery_problem_is_reported_as_such():
    update = track("fedex", NUMBER, "exception", **CREDENTIALS)

    assert statuses(update)[-1] == "exception"
    assert update.events[0].description or update.events[-1].description


def test_an_unknown_number_is_a_problem_of_that_number_only():
    update = track("fedex", NUMBER, "unknown_number", **CREDENTIALS)

    assert update.problem == Problem.UNKNOWN_NUMBER
    assert update.events == ()


def test_refused_credentials_fail_the_whole_call_as_authentication():
    error = failure("fedex", NUMBER, "authentication_failure", **CREDENTIALS)

    assert error.problem == Problem.AUTHENTICATION
    assert not error.transient


def test_an_unreadable_answer_fails_the_call_as_malformed():
    error = failure("fedex", NUMBER, "malformed", **CREDENTIALS)

    assert error.problem == Problem.MALFORMED
    assert error.transient


def test_scan_times_keep_the_offset_fedex_sends():
    update = track("fedex", NUMBER, "in_transit", **CREDENTIALS)

    assert sorted(e.occurred_at.isoformat() for e in update.events) == [
        "2026-11-18T10:00:00+01:00",
        "2026-11-18T21:05:00+01:00",
    ]


def test_fedex_own_estimate_wins_over_the_services_standard_transit_window():
    update = track("fedex", NUMBER, "delayed_estimate", **CREDENTIALS)

    # the window's end: a window over two days is not late on its first
    assert update.estimated_delivery == date(2026, 11, 26)
