"""When to ask a carrier again, and when to stop asking: pure rules, no database.

- A parcel out for delivery changes by the hour; one that has been quiet for days does not.
- A parcel that is delivered, returned, cancelled or expired is never polled again.
- After `max_age_days` without being delivered, a parcel is given up on (it expires).
- A failed poll waits longer each time (exponential back-off, capped).
- A carrier that keeps failing is not called at all for a while (circuit breaker), so one
  broken carrier neither burns its rate limit nor delays the others.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..tracking.statuses import FINISHED_STATUSES, ShipmentStatus

S = ShipmentStatus

# How long to wait after a successful poll, by status.
POLL_INTERVALS: dict[ShipmentStatus, timedelta] = {
    S.OUT_FOR_DELIVERY: timedelta(minutes=30),
    S.AVAILABLE_FOR_PICKUP: timedelta(hours=2),
    S.FAILED_ATTEMPT: timedelta(hours=1),
    S.EXCEPTION: timedelta(hours=1),
    S.DELAYED: timedelta(hours=2),
    S.IN_TRANSIT: timedelta(hours=2),
    S.RETURNING_TO_SENDER: timedelta(hours=6),
    S.INFO_RECEIVED: timedelta(hours=4),
    S.PENDING: timedelta(hours=6),
    S.UNKNOWN: timedelta(hours=6),
}
# A parcel with no new scan for this long is quiet and is asked about less often.
QUIET_AFTER = timedelta(days=3)
QUIET_INTERVAL = timedelta(hours=12)
MAX_BACKOFF = timedelta(hours=12)


@dataclass(frozen=True)
class PollPolicy:
    """The merchant's polling settings."""

    max_age_days: int = 30
    backoff_base: timedelta = timedelta(minutes=5)
    failure_threshold: int = 5
    cooldown: timedelta = timedelta(minutes=30)


def should_poll(status: ShipmentStatus) -> bool:
    """Whether a shipment in this status still needs the carrier's news."""
    return status not in FINISHED_STATUSES


def is_too_old(created_at: datetime, now: datetime, policy: PollPolicy) -> bool:
    """Whether tracking has run longer than the merchant allows (the parcel then expires)."""
    return now - created_at > timedelta(days=policy.max_age_days)


def next_poll_after_success(
    status: ShipmentStatus, last_event_at: datetime | None, now: datetime
) -> datetime | None:
    """When to poll next after the carrier answered; None when polling is over."""
    if not should_poll(status):
        return None
    interval = POLL_INTERVALS.get(status, timedelta(hours=6))
    if status != S.OUT_FOR_DELIVERY and last_event_at and now - last_event_at > QUIET_AFTER:
        interval = max(interval, QUIET_INTERVAL)
    return now + interval


def next_poll_after_failure(failures: int, now: datetime, policy: PollPolicy) -> datetime:
    """When to poll next after `failures` failed polls in a row (1 = the first failure)."""
    exponent = max(0, min(failures - 1, 16))
    return now + min(policy.backoff_base * (2**exponent), MAX_BACKOFF)


@dataclass(frozen=True)
class CircuitState:
    """A carrier's health as the breaker sees it."""

    consecutive_failures: int = 0
    open_until: datetime | None = None


def circuit_allows_call(state: CircuitState, now: datetime) -> bool:
    """Closed, or open but cooled down (half-open: one trial call decides)."""
    return state.open_until is None or now >= state.open_until


def circuit_after_success() -> CircuitState:
    """Any answer closes the circuit."""
    return CircuitState()


def circuit_after_failure(state: CircuitState, now: datetime, policy: PollPolicy) -> CircuitState:
    """Count a failed call; open the circuit at the threshold, and again after a failed trial."""
    failures = state.consecutive_failures + 1
    if failures >= policy.failure_threshold:
        return CircuitState(consecutive_failures=failures, open_until=now + policy.cooldown)
    return CircuitState(consecutive_failures=failures, open_until=None)
