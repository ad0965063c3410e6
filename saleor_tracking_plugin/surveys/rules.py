"""Survey and complaint rules (pure: no Django): when to ask, what an answer may hold,
and the one table of complaint transitions."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

MIN_SCORE = 1
MAX_SCORE = 5
MAX_COMMENT_LENGTH = 2000


class Topic(StrEnum):
    DELIVERY_SPEED = "delivery_speed"
    PACKAGING = "packaging"
    PRODUCT = "product"
    CUSTOMER_SERVICE = "customer_service"
    OTHER = "other"


class HoldReason(StrEnum):
    """Why a due survey is not sent now (it is sent once the reason is gone)."""

    OPEN_RETURN = "open_return"
    OPEN_COMPLAINT = "open_complaint"
    OPEN_DELAY = "open_delay"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    RESOLVED = "resolved"
    REOPENED = "reopened"


C = ComplaintStatus
COMPLAINT_TRANSITIONS: dict[ComplaintStatus, frozenset[ComplaintStatus]] = {
    C.OPEN: frozenset({C.ANSWERED, C.RESOLVED}),
    C.ANSWERED: frozenset({C.ANSWERED, C.RESOLVED, C.REOPENED}),
    C.REOPENED: frozenset({C.ANSWERED, C.RESOLVED}),
    C.RESOLVED: frozenset({C.REOPENED}),
}
# Complaints waiting for staff: their SLA due time runs.
AWAITING_STAFF = frozenset({C.OPEN, C.REOPENED})


def can_transition(current: ComplaintStatus, target: ComplaintStatus) -> bool:
    """Whether a complaint in `current` may move to `target`."""
    return target in COMPLAINT_TRANSITIONS[current]


class AnswerError(Exception):
    """An answer that cannot be stored; `code` says why (Saleor-style error code)."""

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.field = field


@dataclass(frozen=True)
class DeliveryFacts:
    """What the survey timing needs about an order."""

    fully_fulfilled: bool
    # Delivery instants of the order's tracked outbound parcels (None: not delivered yet).
    parcel_deliveries: tuple[datetime | None, ...]
    last_fulfillment_at: datetime | None


def survey_due_at(facts: DeliveryFacts, delay_hours: int, fallback_days: int) -> datetime | None:
    """When the survey may go out; None while the order is not delivered.

    Tracked parcels: the last delivery scan plus `delay_hours`, once every parcel is delivered.
    Untracked orders: the last fulfillment plus `fallback_days`.
    """
    if not facts.fully_fulfilled or facts.last_fulfillment_at is None:
        return None
    if facts.parcel_deliveries:
        if any(delivered is None for delivered in facts.parcel_deliveries):
            return None
        last = max(d for d in facts.parcel_deliveries if d is not None)
        return last + timedelta(hours=max(0, delay_hours))
    return facts.last_fulfillment_at + timedelta(days=max(0, fallback_days))


def clean_score(score: object) -> int:
    """The score as an int from 1 to 5, or AnswerError INVALID_SCORE."""
    if isinstance(score, bool) or not isinstance(score, int | str):
        raise AnswerError("INVALID_SCORE", "Give a score from 1 to 5.", "score")
    try:
        value = int(score)
    except ValueError:
        raise AnswerError("INVALID_SCORE", "Give a score from 1 to 5.", "score") from None
    if not MIN_SCORE <= value <= MAX_SCORE:
        raise AnswerError("INVALID_SCORE", "Give a score from 1 to 5.", "score")
    return value


def clean_comment(comment: str | None) -> str:
    """The comment, trimmed; AnswerError COMMENT_TOO_LONG beyond 2,000 characters."""
    text = (comment or "").strip()
    if len(text) > MAX_COMMENT_LENGTH:
        raise AnswerError(
            "COMMENT_TOO_LONG",
            f"The comment is longer than {MAX_COMMENT_LENGTH} characters.",
            "comment",
        )
    return text


def clean_topics(topics: Iterable[str] | None) -> list[str]:
    """Known topics, each once, in the catalogue's order; AnswerError INVALID_TOPIC else."""
    chosen = set(topics or ())
    unknown = chosen - {topic.value for topic in Topic}
    if unknown:
        raise AnswerError("INVALID_TOPIC", f"Unknown topic {sorted(unknown)[0]!r}.", "topics")
    return [topic.value for topic in Topic if topic.value in chosen]


def edit_window_open(answered_at: datetime | None, now: datetime, edit_days: int) -> bool:
    """A first answer is always possible; a change only within `edit_days` of the first."""
    return answered_at is None or now <= answered_at + timedelta(days=max(0, edit_days))
