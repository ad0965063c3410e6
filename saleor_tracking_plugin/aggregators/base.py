"""What every aggregator webhook provider gives: a verified, parsed delivery. Pure rules.

A provider checks the signature over the raw body (in constant time) and reads the JSON into
a `Delivery`. Anything wrong is a `Rejected` with a reason that is logged and answered.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any, Protocol

from ..carriers.connector import TrackingUpdate


class Rejected(Exception):
    """A delivery that is not applied, with the HTTP status to answer and a logged reason."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Delivery:
    """One provider delivery about one parcel."""

    provider: str
    delivery_id: str
    sent_at: datetime | None
    carrier_hint: str
    update: TrackingUpdate


class Provider(Protocol):
    """An aggregator's webhook format."""

    name: str
    secret_setting: str

    def verify(self, headers: dict[str, str], body: bytes, secret: str) -> None:
        """Raise `Rejected(401)` unless the body is signed with `secret`."""
        ...

    def parse(self, body: bytes, zone: tzinfo) -> Delivery:
        """Raise `Rejected(400)` unless the body is a delivery of this provider.

        `zone` is the shop's time zone, for times the provider sends without one.
        """
        ...


def hmac_sha256(secret: str | bytes, body: bytes) -> bytes:
    """The raw HMAC-SHA256 of `body`."""
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, body, hashlib.sha256).digest()


def signatures_match(expected: str, received: str) -> bool:
    """Compare signatures in constant time (never with `==`, which leaks by timing)."""
    return hmac.compare_digest(expected.encode(), (received or "").encode())


def load_object(body: bytes) -> dict[str, Any]:
    """The JSON object of a delivery, or `Rejected(400)`."""
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise Rejected(400, "body is not JSON") from error
    if not isinstance(document, dict):
        raise Rejected(400, "body is not a JSON object")
    return document


def text(value: Any, limit: int = 1000) -> str:
    """A string field as text; numbers are accepted, objects and lists are not."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Rejected(400, "a text field holds a structure")
    return str(value).strip()[:limit]


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 time with its zone, or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def parse_moment(value: Any, zone: tzinfo, latest: datetime) -> datetime | None:
    """A carrier's time in any of the forms aggregators pass on, or None when unreadable.

    `2026-11-24T14:30:00+03:00` is exact; `2026-11-24T14:30:00` is the scan's local wall clock,
    read in the shop's zone `zone` (the zone the plugin knows; carriers scan where they
    deliver); `2026-11-24` is a day without a time, placed at midday so that it sorts among that
    day's timed scans, but never after `latest` (when the provider sent it).
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            midday = datetime.combine(date.fromisoformat(value), time(12), tzinfo=zone)
            return min(midday, latest)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def iso_day(value: Any) -> date | None:
    """The date at the start of an ISO 8601 string ("2026-11-24" or a full timestamp)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
