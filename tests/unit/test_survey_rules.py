"""Survey timing, answer checks, complaint transitions and the business-hour deadline."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from saleor_tracking_plugin.surveys.rules import (
    COMPLAINT_TRANSITIONS,
    AnswerError,
    ComplaintStatus,
    DeliveryFacts,
    can_transition,
    clean_comment,
    clean_score,
    clean_topics,
    edit_window_open,
    survey_due_at,
)
from saleor_tracking_plugin.surveys.sla import add_business_hours

ISTANBUL = ZoneInfo("Europe/Istanbul")
NINE, SIX = time(9), time(18)
SHIPPED = datetime(2026, 3, 2, 10, tzinfo=UTC)


def test_tracked_parcels_are_due_delay_hours_after_the_last_delivery():
    facts = DeliveryFacts(True, (SHIPPED + timedelta(days=1), SHIPPED + timedelta(days=2)), SHIPPED)

    assert survey_due_at(facts, 24, 7) == SHIPPED + timedelta(days=3)


def test_an_undelivered_parcel_means_not_due():
    facts = DeliveryFacts(True, (SHIPPED, None), SHIPPED)

    assert survey_due_at(facts, 24, 7) is None


def test_untracked_orders_are_due_fallback_days_after_the_last_fulfillment():
    facts = DeliveryFacts(True, (), SHIPPED)

    assert survey_due_at(facts, 24, 7) == SHIPPED + timedelta(days=7)


def test_a_partly_shipped_order_is_not_due():
    assert survey_due_at(DeliveryFacts(False, (), SHIPPED), 24, 7) is None


@pytest.mark.parametrize("score", [0, 6, -1, "x", None, True, "5.5"])
def test_scores_outside_one_to_five_are_refused(score):
    with pytest.raises(AnswerError) as refused:
        clean_score(score)
    assert refused.value.code == "INVALID_SCORE"


@pytest.mark.parametrize(("score", "expected"), [(1, 1), ("5", 5), (3, 3)])
def test_scores_from_one_to_five_are_accepted(score, expected):
    assert clean_score(score) == expected


def test_a_comment_of_2000_characters_is_accepted_and_2001_refused():
    assert len(clean_comment("a" * 2000)) == 2000
    with pytest.raises(AnswerError) as refused:
        clean_comment("a" * 2001)
    assert refused.value.code == "COMMENT_TOO_LONG"


def test_topics_are_kept_once_in_catalogue_order_and_unknown_ones_refused():
    assert clean_topics(["product", "packaging", "product"]) == ["packaging", "product"]
    with pytest.raises(AnswerError):
        clean_topics(["price"])


def test_the_answer_can_change_within_the_edit_days_only():
    answered = SHIPPED
    assert edit_window_open(None, answered, 7)
    assert edit_window_open(answered, answered + timedelta(days=7), 7)
    assert not edit_window_open(answered, answered + timedelta(days=7, seconds=1), 7)


def test_complaint_transitions():
    S = ComplaintStatus
    assert can_transition(S.OPEN, S.ANSWERED)
    assert can_transition(S.ANSWERED, S.REOPENED)
    assert can_transition(S.RESOLVED, S.REOPENED)
    assert not can_transition(S.OPEN, S.REOPENED)
    assert not can_transition(S.RESOLVED, S.ANSWERED)
    assert set(COMPLAINT_TRANSITIONS) == set(S)


def _istanbul(*args) -> datetime:
    return datetime(*args, tzinfo=ISTANBUL)


@pytest.mark.parametrize(
    ("opened", "due"),
    [
        # within the day
        (_istanbul(2026, 3, 4, 10, 0), _istanbul(2026, 3, 4, 14, 0)),
        # crosses the evening into the next morning
        (_istanbul(2026, 3, 4, 16, 0), _istanbul(2026, 3, 5, 11, 0)),
        # Friday evening: due Monday
        (_istanbul(2026, 3, 6, 17, 0), _istanbul(2026, 3, 9, 12, 0)),
        # opened at night: the clock starts at 9:00
        (_istanbul(2026, 3, 4, 23, 30), _istanbul(2026, 3, 5, 13, 0)),
    ],
)
def test_the_response_deadline_counts_business_hours_only(opened, due):
    assert add_business_hours(opened, 4, ISTANBUL, NINE, SIX, frozenset()) == due


def test_the_response_deadline_skips_public_holidays():
    # 23 April (National Sovereignty Day) 2026 is a Thursday
    opened = _istanbul(2026, 4, 22, 17, 0)

    due = add_business_hours(opened, 4, ISTANBUL, NINE, SIX, {date(2026, 4, 23)})

    assert due == _istanbul(2026, 4, 24, 12, 0)
