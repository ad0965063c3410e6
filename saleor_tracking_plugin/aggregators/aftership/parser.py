"""AfterShip's tracking webhook: signature and body.

AfterShip signs the raw body: header `aftership-hmac-sha256` is the base64 HMAC-SHA256 of the
body with the webhook secret. The body (webhook version 4):
  {"event": "tracking_update", "event_id", "ts" (unix seconds), "msg": {"tracking_number",
   "slug", "tag", "subtag", "expected_delivery", "checkpoints": [{"checkpoint_time", "tag",
   "subtag", "message", "location", "city", "country_region"}]}}

`checkpoint_time` comes as `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DDTHH:MM:SS+TIMEZONE`
(AfterShip's own SDKs document all three, e.g. aftership-sdk-java `Checkpoint.checkpointTime`
and aftership-sdk-nodejs `Checkpoint.checkpoint_time`): none is dropped (`parse_moment`).
When no checkpoint is usable, the tracking's own `tag`/`subtag` (at `updated_at`, else `ts`)
and `expected_delivery` still move the parcel; a delivery with neither is refused.
"""

import base64
from datetime import UTC, datetime, tzinfo

from ...carriers.connector import TrackingUpdate
from ...tracking.progress import TrackingEventData
from ...tracking.statuses import ShipmentStatus as S
from ..base import (
    Delivery,
    Rejected,
    hmac_sha256,
    iso_day,
    load_object,
    parse_moment,
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

    def parse(self, body: bytes, zone: tzinfo) -> Delivery:
        """Read a `tracking_update` delivery; times without a zone are in `zone`."""
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
        ts = document.get("ts")
        if not isinstance(ts, int | float) or isinstance(ts, bool):
            raise Rejected(400, "no ts")
        sent_at = datetime.fromtimestamp(ts, tz=UTC)
        events = tuple(
            e for e in (_checkpoint(row, zone, sent_at) for row in checkpoints) if e is not None
        )
        estimate = iso_day(message.get("expected_delivery"))
        if not events:
            events = _tag_event(message, zone, sent_at)
        if not events and estimate is None:
            raise Rejected(400, "no usable checkpoint, tag or expected delivery")
        slug = text(message.get("slug"), 64)
        return Delivery(
            provider=self.name,
            delivery_id=text(document.get("event_id"), 255) or _fallback_id(body),
            sent_at=sent_at,
            carrier_hint=SLUGS.get(slug, slug),
            update=TrackingUpdate(
                tracking_number=number, events=events, estimated_delivery=estimate
            ),
        )


def _tag_event(message: dict, zone: tzinfo, sent_at: datetime) -> tuple[TrackingEventData, ...]:
    # The tracking's own status when its checkpoints give none, dated when AfterShip last saw
    # the tracking change.
    tag, subtag = text(message.get("tag"), 40), text(message.get("subtag"), 40)
    status = status_of(tag, subtag)
    if status == S.UNKNOWN:
        return ()
    occurred_at = parse_moment(message.get("updated_at"), zone, sent_at) or sent_at
    return (
        TrackingEventData(
            occurred_at=min(occurred_at, sent_at),
            status=status,
            description=text(message.get("subtag_message")) or tag,
            carrier_status_code=subtag[:64],
        ),
    )


def _checkpoint(row: object, zone: tzinfo, sent_at: datetime) -> TrackingEventData | None:
    if not isinstance(row, dict):
        raise Rejected(400, "a checkpoint is not an object")
    occurred_at = parse_moment(row.get("checkpoint_time"), zone, sent_at)
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
