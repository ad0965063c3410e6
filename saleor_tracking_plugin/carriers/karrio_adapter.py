"""Global carriers through karrio: one adapter, configured per carrier folder.

karrio (https://karrio.io) maintains each carrier's API (auth, request, parsing) in its own
extension package; this adapter runs karrio's tracking call through the plugin's transport
(`karrio_http`: one request per try, the HTTP client's own timeout, OAuth tokens shared through
Saleor's cache) and turns its `TrackingDetails` and `Message`s into our `TrackingUpdate`s and
`CarrierError`s. Each carrier folder supplies the karrio settings, its status map, how to read
its error codes and, where karrio's parser drops something (UPS's GMT times and scheduled
delivery dates), a reader of the carrier's raw answer.
"""

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ..tracking.progress import TrackingEventData
from ..tracking.statuses import ShipmentStatus
from .connector import CarrierError, ConnectorLimits, Problem, TrackingUpdate
from .karrio_http import Answer, KarrioCall, SharedTokens, karrio_call

logger = logging.getLogger(__name__)

S = ShipmentStatus

# karrio's normalised tracking statuses (karrio.core.units.TrackingStatus) in our vocabulary.
KARRIO_STATUSES: dict[str, ShipmentStatus] = {
    "pending": S.INFO_RECEIVED,
    "picked_up": S.IN_TRANSIT,
    "in_transit": S.IN_TRANSIT,
    "on_hold": S.EXCEPTION,
    # A carrier cancels its own label; `cancelled` is reserved for Saleor's cancellations.
    "cancelled": S.EXCEPTION,
    "delivered": S.DELIVERED,
    "delivery_failed": S.FAILED_ATTEMPT,
    "delivery_delayed": S.DELAYED,
    "out_for_delivery": S.OUT_FOR_DELIVERY,
    "ready_for_pickup": S.AVAILABLE_FOR_PICKUP,
    "return_to_sender": S.RETURNING_TO_SENDER,
    "unknown": S.UNKNOWN,
}


@dataclass(frozen=True)
class CarrierErrorCodes:
    """How one carrier names its errors: codes (exact) and wording (regular expression)."""

    authentication: frozenset[str] = frozenset()
    unknown_number: frozenset[str] = frozenset()
    authentication_text: str = r"unauthori[sz]ed|invalid[_ ]client|credential|access token"
    unknown_number_text: str = r"not found|no tracking|invalid tracking|isn't recognised"

    def classify(self, code: str, text: str) -> Problem:
        """The problem a karrio `Message` reports."""
        code = (code or "").strip()
        if code in self.authentication:
            return Problem.AUTHENTICATION
        if code in self.unknown_number:
            return Problem.UNKNOWN_NUMBER
        if re.search(self.authentication_text, text or "", re.IGNORECASE):
            return Problem.AUTHENTICATION
        if re.search(self.unknown_number_text, text or "", re.IGNORECASE):
            return Problem.UNKNOWN_NUMBER
        return Problem.MALFORMED


@dataclass(frozen=True)
class KarrioStatusMap:
    """A carrier's own event codes and wording, where karrio's normalisation loses meaning.

    An event's status is, in order: its carrier code in `event_codes`; the first `event_text`
    pattern its description matches; karrio's status for it; for the newest event, the status
    karrio gives the whole parcel; else `default`.
    """

    event_codes: dict[str, ShipmentStatus] = field(default_factory=dict)
    event_text: tuple[tuple[str, ShipmentStatus], ...] = ()
    default: ShipmentStatus = S.IN_TRANSIT

    def status_of(self, event: Any, newest: bool, parcel_status: str) -> ShipmentStatus:
        """Our status for one karrio `TrackingEvent`."""
        code = str(getattr(event, "code", "") or "")
        if code in self.event_codes:
            return self.event_codes[code]
        text = str(getattr(event, "description", "") or "")
        for pattern, status in self.event_text:
            if re.search(pattern, text, re.IGNORECASE):
                return status
        karrio_status = KARRIO_STATUSES.get(str(getattr(event, "status", "") or ""))
        if karrio_status is not None:
            return karrio_status
        if newest and parcel_status in KARRIO_STATUSES:
            return KARRIO_STATUSES[parcel_status]
        return self.default


@dataclass(frozen=True)
class AnswerFacts:
    """What a carrier's raw answer says that karrio's parser drops, for one number.

    `event_times[i]` is the true instant of karrio's i-th event (None: keep karrio's);
    `estimated_delivery` is the carrier's own estimate.
    """

    event_times: tuple[datetime | None, ...] = ()
    estimated_delivery: date | None = None


# Reads a call's answers into facts per tracking number (upper case).
AnswerReader = Callable[[list[Answer]], dict[str, AnswerFacts]]


@dataclass
class KarrioConnector:
    """A karrio extension behind our `Connector` interface."""

    code: str
    karrio_carrier: str
    settings: dict[str, Any]
    errors: CarrierErrorCodes
    status_map: KarrioStatusMap = field(default_factory=KarrioStatusMap)
    limits: ConnectorLimits = field(default_factory=ConnectorLimits)
    answer_reader: AnswerReader | None = None
    _gateway: Any = None

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingUpdate]:
        """Ask the carrier through karrio; one update per number."""
        numbers = list(tracking_numbers)
        self._connect()
        with karrio_call(self.limits.timeout_seconds) as call:
            details, messages = self._fetch(numbers, call)
        facts = self.answer_reader(call.answers) if self.answer_reader else {}
        problems = [
            (self.errors.classify(str(m.code or ""), str(m.message or "")), m) for m in messages
        ]
        for problem, message in problems:
            if problem == Problem.AUTHENTICATION:
                raise CarrierError(Problem.AUTHENTICATION, _describe(message))
        found = {_same(detail.tracking_number): detail for detail in details}
        updates = []
        for number in numbers:
            detail = found.get(_same(number))
            if detail is not None:
                updates.append(self._update(number, detail, facts.get(_same(number))))
                continue
            unknown = [m for p, m in problems if p == Problem.UNKNOWN_NUMBER]
            if unknown:
                updates.append(
                    TrackingUpdate(
                        tracking_number=number,
                        problem=Problem.UNKNOWN_NUMBER,
                        detail=_describe(unknown[0]),
                    )
                )
                continue
            detail_text = _describe(problems[0][1]) if problems else "no tracking in the answer"
            raise CarrierError(Problem.MALFORMED, detail_text)
        return updates

    def _connect(self) -> None:
        # karrio loads its extensions on first use (seconds, once per process); building a
        # gateway makes no network call.
        if self._gateway is None:
            _import_karrio()
            import karrio.lib as lib
            import karrio.sdk as karrio

            self._gateway = karrio.gateway[self.karrio_carrier].create(self.settings)
            # karrio's settings read their token cache from `cache` (Settings.connection_cache).
            self._gateway.settings.cache = lib.Cache(cache=SharedTokens())

    def _fetch(self, numbers: list[str], call: KarrioCall) -> tuple[list, list]:
        import karrio.core.errors as karrio_errors
        import karrio.sdk as karrio
        from karrio.core.models import TrackingRequest

        try:
            request = karrio.Tracking.fetch(TrackingRequest(tracking_numbers=numbers))
            details, messages = request.from_(self._gateway).parse()
        except karrio_errors.ParsedMessagesError as error:
            # karrio raises this when authentication itself fails.
            if call.failure is not None:
                raise call.failure from error
            return [], list(error.messages)
        except CarrierError:
            raise
        except Exception as error:
            # A transport failure (5xx, timeout) surfaces in karrio as whatever its parser
            # made of it; the call's own record says what really happened.
            if call.failure is not None:
                raise call.failure from error
            logger.warning("karrio %s tracking failed", self.karrio_carrier, exc_info=True)
            raise CarrierError(Problem.MALFORMED, type(error).__name__) from error
        if call.failure is not None:
            # karrio runs several numbers in threads and keeps their exceptions as results.
            raise call.failure
        return list(details or []), list(messages or [])

    def _update(self, number: str, detail: Any, facts: AnswerFacts | None) -> TrackingUpdate:
        events = []
        parcel_status = "delivered" if detail.delivered else str(detail.status or "")
        instants = facts.event_times if facts else ()
        # karrio lists events newest first.
        for index, event in enumerate(detail.events or []):
            true_instant = instants[index] if index < len(instants) else None
            occurred_at = true_instant or _event_time(event)
            if occurred_at is None:
                continue
            events.append(
                TrackingEventData(
                    occurred_at=occurred_at,
                    status=self.status_map.status_of(event, index == 0, parcel_status),
                    description=str(event.description or "").strip()[:1000],
                    location=str(event.location or "").strip()[:255],
                    carrier_status_code=str(event.code or "")[:64],
                )
            )
        estimate = _parse_date(detail.estimated_delivery)
        if facts and facts.estimated_delivery and not detail.delivered:
            estimate = facts.estimated_delivery
        return TrackingUpdate(
            tracking_number=number, events=tuple(events), estimated_delivery=estimate
        )


def _import_karrio() -> None:
    # karrio's own loguru logging is silenced; failures are logged here, once, with context.
    from loguru import logger as karrio_logger

    karrio_logger.disable("karrio")
    import karrio.sdk  # noqa: F401


def _event_time(event: Any) -> datetime | None:
    stamp = str(getattr(event, "timestamp", "") or "")
    if stamp:
        try:
            parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    day = _parse_date(getattr(event, "date", None))
    return datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _same(number: Any) -> str:
    return re.sub(r"\s+", "", str(number or "")).upper()


def _describe(message: Any) -> str:
    code = str(getattr(message, "code", "") or "")
    text = str(getattr(message, "message", "") or "")
    return f"{code} {text}".strip()[:500]
