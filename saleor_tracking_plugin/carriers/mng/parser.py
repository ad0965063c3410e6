"""Read MNG's `trackshipment` answer into a `TrackingUpdate`.

Answer: a JSON list of events `{"eventSequence", "eventStatus", "eventStatusEn",
"eventDateTime" ("yyyy-MM-ddTHH:mm:ss", Turkish time), "location", "locationPhone"}`.
Errors (IBM API Connect): `{"httpCode", "httpMessage", "moreInformation"}` or
`{"error": {"code", "message", "description"}}`.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from ...tracking.progress import TrackingEventData
from ..connector import CarrierError, Problem, TrackingUpdate
from ..http import parse_json
from .status_map import EVENT_WORDING

ISTANBUL = ZoneInfo("Europe/Istanbul")


def parse_track_shipment(body: bytes, number: str) -> TrackingUpdate:
    """The update for `number`; raises `CarrierError(MALFORMED)` for an unreadable answer."""
    document = parse_json(body)
    if isinstance(document, dict) and ("error" in document or "httpCode" in document):
        return TrackingUpdate(number, problem=Problem.UNKNOWN_NUMBER, detail=_error(document))
    if not isinstance(document, list):
        raise CarrierError(Problem.MALFORMED, "trackshipment answer is not a list")
    if not document:
        return TrackingUpdate(number, problem=Problem.UNKNOWN_NUMBER, detail="no events")
    events = [event for event in map(_event, document) if event is not None]
    if not events:
        raise CarrierError(Problem.MALFORMED, "no readable event in the answer")
    return TrackingUpdate(number, events=tuple(events))


def _event(row: object) -> TrackingEventData | None:
    if not isinstance(row, dict):
        return None
    try:
        occurred_at = datetime.fromisoformat(str(row.get("eventDateTime") or ""))
    except ValueError:
        return None
    if occurred_at.tzinfo is None:
        occurred_at = occurred_at.replace(tzinfo=ISTANBUL)
    turkish = str(row.get("eventStatus") or "").strip()
    english = str(row.get("eventStatusEn") or "").strip()
    return TrackingEventData(
        occurred_at=occurred_at,
        status=EVENT_WORDING.status_of(turkish, english),
        description=(turkish or english)[:1000],
        location=str(row.get("location") or "").strip()[:255],
        carrier_status_code=str(row.get("eventSequence") or "")[:64],
    )


def _error(document: dict) -> str:
    error = document.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or error.get("code") or "error")[:300]
    return str(document.get("moreInformation") or document.get("httpMessage") or "error")[:300]


def parse_token(body: bytes) -> str:
    """The JWT from MNG's `/token` answer."""
    document = parse_json(body)
    token = document.get("jwt") if isinstance(document, dict) else None
    if not isinstance(token, str) or not token:
        raise CarrierError(Problem.MALFORMED, "no jwt in the token answer")
    return token
