"""EasyPost's tracker webhook: signature and body.

EasyPost signs the raw body: header `X-Hmac-Signature` is `hmac-sha256-hex=` followed by the
hex HMAC-SHA256 of the body, keyed with the webhook secret normalised to Unicode NFKD. The body
is an Event: {"id": "evt_…", "object": "Event", "description": "tracker.updated",
"created_at", "result": {"object": "Tracker", "tracking_code", "carrier", "status",
"status_detail", "est_delivery_date", "tracking_details": [{"datetime", "message", "status",
"status_detail", "tracking_location": {"city", "state", "country", "zip"}}]}}
"""

import unicodedata
from datetime import datetime, tzinfo

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
    parse_time,
    signatures_match,
    text,
)
from .status_map import CARRIERS, status_of

SIGNATURE_PREFIX = "hmac-sha256-hex="
TRACKER_EVENTS = {"tracker.created", "tracker.updated"}
MAX_DETAILS = 500


class EasyPost:
    """EasyPost deliveries."""

    name = "easypost"
    secret_setting = "easypost_webhook_secret"

    def verify(self, headers: dict[str, str], body: bytes, secret: str) -> None:
        """Refuse a delivery unless `X-Hmac-Signature` signs the raw body."""
        received = headers.get("x-hmac-signature", "")
        if not received:
            raise Rejected(401, "unsigned delivery")
        key = unicodedata.normalize("NFKD", secret)
        expected = SIGNATURE_PREFIX + hmac_sha256(key, body).hex()
        if not signatures_match(expected, received):
            raise Rejected(401, "wrong signature")

    def parse(self, body: bytes, zone: tzinfo) -> Delivery:
        """Read a `tracker.created` / `tracker.updated` Event; times without a zone are in
        `zone`."""
        document = load_object(body)
        if document.get("object") != "Event" or document.get("description") not in TRACKER_EVENTS:
            raise Rejected(400, "not a tracker event")
        tracker = document.get("result")
        if not isinstance(tracker, dict) or tracker.get("object") != "Tracker":
            raise Rejected(400, "result is not a Tracker")
        number = text(tracker.get("tracking_code"), 255)
        event_id = text(document.get("id"), 255)
        if not number or not event_id:
            raise Rejected(400, "no tracking code or event id")
        details = tracker.get("tracking_details") or []
        if not isinstance(details, list) or len(details) > MAX_DETAILS:
            raise Rejected(400, "tracking_details is not a list of reasonable length")
        carrier = text(tracker.get("carrier"), 64)
        sent_at = parse_time(document.get("updated_at") or document.get("created_at"))
        if sent_at is None:
            raise Rejected(400, "delivery carries no time")
        events = tuple(e for e in (_detail(row, zone, sent_at) for row in details) if e)
        estimate = iso_day(tracker.get("est_delivery_date"))
        if not events:
            events = _tracker_event(tracker, sent_at)
        if not events and estimate is None:
            raise Rejected(400, "no usable tracking detail, status or estimated delivery")
        return Delivery(
            provider=self.name,
            delivery_id=event_id,
            sent_at=sent_at,
            carrier_hint=CARRIERS.get(carrier, carrier),
            update=TrackingUpdate(
                tracking_number=number, events=events, estimated_delivery=estimate
            ),
        )


def _tracker_event(tracker: dict, sent_at: datetime) -> tuple[TrackingEventData, ...]:
    # The tracker's own status when its details give none, dated when EasyPost sent it.
    status_name, detail = text(tracker.get("status"), 40), text(tracker.get("status_detail"), 60)
    status = status_of(status_name, detail)
    if status == S.UNKNOWN:
        return ()
    return (
        TrackingEventData(
            occurred_at=sent_at,
            status=status,
            description=detail or status_name,
            carrier_status_code=detail[:64],
        ),
    )


def _detail(row: object, zone: tzinfo, sent_at: datetime) -> TrackingEventData | None:
    if not isinstance(row, dict):
        raise Rejected(400, "a tracking detail is not an object")
    occurred_at = parse_moment(row.get("datetime"), zone, sent_at)
    if occurred_at is None:
        return None
    where = row.get("tracking_location") or {}
    if not isinstance(where, dict):
        raise Rejected(400, "tracking_location is not an object")
    place = ", ".join(
        p for p in (text(where.get(k), 100) for k in ("city", "state", "country")) if p
    )
    return TrackingEventData(
        occurred_at=occurred_at,
        status=status_of(text(row.get("status"), 40), text(row.get("status_detail"), 60)),
        description=text(row.get("message")),
        location=place,
        carrier_status_code=text(row.get("status_detail"), 64),
    )
