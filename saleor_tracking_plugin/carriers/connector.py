"""The one interface every carrier connector implements, and what it returns.

A connector turns tracking numbers into normalised events. It never touches the database:
`carriers.actions` applies what it returns through `tracking.actions.record_events`.
Problems come back in two shapes:
- a problem with one number (unknown to the carrier) is a `TrackingUpdate` with `problem`;
- a problem with the whole call (credentials, outage, unreadable answer) raises
  `CarrierError`, which the poller counts towards the carrier's circuit breaker.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from ..tracking.progress import TrackingEventData


class Problem(StrEnum):
    """Why a carrier gave no usable answer; the code staff see next to the shipment."""

    UNKNOWN_NUMBER = "unknown_number"
    AUTHENTICATION = "authentication"
    UNAVAILABLE = "unavailable"
    TIMEOUT = "timeout"
    RATE_LIMITED = "rate_limited"
    MALFORMED = "malformed"
    NOT_CONFIGURED = "not_configured"


# What staff read on the shipment and the order timeline for each problem.
PROBLEM_MESSAGES: dict[Problem, str] = {
    Problem.UNKNOWN_NUMBER: "The carrier does not know this tracking number.",
    Problem.AUTHENTICATION: (
        "The carrier refused the plugin's credentials; check them in the plugin settings."
    ),
    Problem.UNAVAILABLE: "The carrier's service did not answer; tracking will retry.",
    Problem.TIMEOUT: "The carrier's service answered too slowly; tracking will retry.",
    Problem.RATE_LIMITED: "The carrier asked the plugin to slow down; tracking will retry.",
    Problem.MALFORMED: "The carrier's answer could not be read; tracking will retry.",
    Problem.NOT_CONFIGURED: "No credentials are configured for this carrier.",
}

# Problems that say something about the parcel or the merchant's setup rather than a passing
# outage: staff are told on the order timeline (once), and retrying soon would not help.
PERSISTENT_PROBLEMS = frozenset(
    {Problem.UNKNOWN_NUMBER, Problem.AUTHENTICATION, Problem.NOT_CONFIGURED}
)


@dataclass(frozen=True)
class TrackingUpdate:
    """What a carrier said about one tracking number."""

    tracking_number: str
    events: tuple[TrackingEventData, ...] = ()
    estimated_delivery: date | None = None
    problem: Problem | None = None
    detail: str = ""


class CarrierError(Exception):
    """The whole call failed: nothing is known about any number in it."""

    def __init__(self, problem: Problem, detail: str = ""):
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail

    @property
    def transient(self) -> bool:
        """Whether trying again soon may succeed (an outage, not bad credentials)."""
        return self.problem not in PERSISTENT_PROBLEMS


@dataclass(frozen=True)
class ConnectorLimits:
    """How a carrier wants to be called: numbers per call, calls per minute, seconds per call."""

    batch_size: int = 1
    calls_per_minute: int = 60
    timeout_seconds: float = 15.0


class Connector(Protocol):
    """A carrier's tracking API, behind one method."""

    code: str
    limits: ConnectorLimits

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingUpdate]:
        """One update per number asked for; raises `CarrierError` when the call fails."""
        ...
