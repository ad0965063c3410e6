"""AfterShip's tracking webhook: signature and body.

AfterShip signs the raw body: header `aftership-hmac-sha256` is the base64 HMAC-SHA256 of the
body with the webhook secret. The body (webhook version 4):
  {"event": "tracking_update", "event_id", "ts" (unix seconds), "msg": {"tracking_number",
   "slug", "tag", "subtag", "expected_delivery", "checkpoints": [{"checkpoint_time", "tag",
   "subtag", "message", "location", "city", "country_region"}]}}
"""

import base64
from datetime import UTC, datetime

from ...carriers.connector import TrackingUpdate
from ...tracking.progress import TrackingEventData
from ..base import (
    Delivery,
    Rejected,
    hmac_sha256,
    iso_day,
    load_object,
    parse_time,
    signatures_match,
    text,
)
from .status_map import SLUGS, status_of

MAX_CHECKPOINTS = 500


class AfterShip:
    """AfterShip deliveries."""

    name = "aftership"
    secret_setting = "aftership_webhook_secret"

    def verify(self, headers: dict[str, str], body: bytes, secret: str) -> None:
        """Refuse a delivery unless `aftership-hmac-sha256` signs the raw body."""
        received = headers.get("aftership-hmac-sha256", "")
        if not received:
            raise Rejected(401, "unsigned delivery")
        expected = base64.b64encode(hmac_sha256(secret, body)).decode()
        if not signatures_match(expected, received):
            raise Rejected(401, "wrong signature")

    def parse(self, body: bytes) -> Delivery:
        """Read a `tracking_update` delivery."""
        document = load_object(body)
        if document.get("event") != "tracking_update":
            raise Rejected(400, f"not a tracking update: {text(document.get('event'), 60)!r}")
        message = document.get("msg")
        if not isinstance(message, dict):
            raise Rejected(400, "msg is not an object")
        number = text(message.get("tracking_number"), 255)
        if not number:
            raise Rejected(400, "no tracking number")
        checkpoints = message.get("checkpoints") or []
        if not isinstance(checkpoints, list) or len(checkpoints) > MAX_CHECKPOINTS:
            raise Rejected(400, "checkpoints is not a list of reasonable length")
        events = tuple(e for e in map(_checkpoint, checkpoints) if e is not None)
        sent_at = document.get("ts")
        if not isinstance(sent_at, int | float) or isinstance(sent_at, bool):
            raise Rejected(400, "no ts")
        slug = text(message.get("slug"), 64)
        return Delivery(
            provider=self.name,
            delivery_id=text(document.get("event_id"), 255) or _fallback_id(body),
            sent_at=datetime.fromtimestamp(sent_at, tz=UTC),
            carrier_hint=SLUGS.get(slug, slug),
            update=TrackingUpdate(
                tracking_number=number,
                events=events,
                estimated_delivery=iso_day(message.get("expected_delivery")),
            ),
        )


def _checkpoint(row: object) -> TrackingEventData | None:
    if not isinstance(row, dict):
        raise Rejected(400, "a checkpoint is not an object")
    occurred_at = parse_time(row.get("checkpoint_time"))
    if occurred_at is None:
        return None
    place = text(row.get("location"), 255) or ", ".join(
        p for p in (text(row.get("city"), 100), text(row.get("country_region"), 3)) if p
    )
    return TrackingEventData(
        occurred_at=occurred_at,
        status=status_of(text(row.get("tag"), 40), text(row.get("subtag"), 40)),
        description=text(row.get("message")),
        location=place,
        carrier_status_code=text(row.get("subtag"), 64),
    )


def _fallback_id(body: bytes) -> str:
    import hashlib

    return "sha256:" + hashlib.sha256(body).hexdigest()
