"""UPS connector against recorded answers in the carrier's documented format."""

from saleor_tracking_plugin.carriers.connector import Problem

from ..harness import failure, statuses, track

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
    assert update.estimated_delivery is None


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
