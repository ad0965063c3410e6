"""What UPS's Track API answer says that karrio's parser drops: true times and UPS's own dates.

UPS Tracking API v1 (`GET /api/track/v1/details/{inquiryNumber}`, developer.ups.com, "Tracking
API", response schema `Activity` and `DeliveryDate`):
- each `activity` has the local `date` (YYYYMMDD) and `time` (HHMMSS) of the scan, plus
  `gmtDate`, `gmtTime` and `gmtOffset` (e.g. "-05:00"). karrio keeps only the local wall clock
  and stamps it as UTC; the true instant is `gmtDate`+`gmtTime`, else local time minus offset.
- `deliveryDate[]` has a `type`: `SDD` scheduled delivery date, `RDD` rescheduled delivery
  date (both UPS's estimate while the parcel travels) and `DEL` the delivery date. karrio reads
  only `DEL`. A rescheduled date replaces the scheduled one.
"""

import json
import re
from datetime import UTC, date, datetime, timedelta

from ..karrio_adapter import AnswerFacts
from ..karrio_http import Answer

TRACK_PATH = "/api/track/v1/details/"
_OFFSET = re.compile(r"([+-])(\d{1,2}):?(\d{2})")
# Most specific first: a rescheduled date supersedes the scheduled one.
ESTIMATE_TYPES = ("RDD", "SDD")


def read_answers(answers: list[Answer]) -> dict[str, AnswerFacts]:
    """Facts per tracking number (upper case) from the call's Track API answers."""
    facts: dict[str, AnswerFacts] = {}
    for url, _sent, body in answers:
        if TRACK_PATH not in url:
            continue
        try:
            document = json.loads(body)
            shipments = document["trackResponse"]["shipment"]
        except (ValueError, TypeError, KeyError):
            continue  # karrio's own parsing reports an unreadable answer
        for shipment in shipments if isinstance(shipments, list) else []:
            for package in (shipment or {}).get("package") or []:
                number = str(package.get("trackingNumber") or "").upper()
                if number:
                    facts[number] = _package_facts(package)
    return facts


def _package_facts(package: dict) -> AnswerFacts:
    activities = package.get("activity") or []
    return AnswerFacts(
        event_times=tuple(_instant(a) for a in activities if isinstance(a, dict)),
        estimated_delivery=_estimate(package.get("deliveryDate") or []),
    )


def _instant(activity: dict) -> datetime | None:
    gmt = _stamp(activity.get("gmtDate"), activity.get("gmtTime"))
    if gmt is not None:
        return gmt.replace(tzinfo=UTC)
    local = _stamp(activity.get("date"), activity.get("time"))
    offset = _offset(activity.get("gmtOffset"))
    if local is None or offset is None:
        return None  # karrio's reading stands
    return (local - offset).replace(tzinfo=UTC)


def _stamp(day: object, clock: object) -> datetime | None:
    digits = re.sub(r"\D", "", str(clock or ""))
    if not day or not digits or len(digits) > 6:
        return None
    try:
        return datetime.strptime(f"{day}{digits.zfill(6)}", "%Y%m%d%H%M%S")
    except ValueError:
        return None


def _offset(value: object) -> timedelta | None:
    match = _OFFSET.fullmatch(str(value or "").strip())
    if not match:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return -delta if sign == "-" else delta


def _estimate(delivery_dates: list) -> date | None:
    by_type = {
        str(row.get("type") or ""): str(row.get("date") or "")
        for row in delivery_dates
        if isinstance(row, dict)
    }
    for kind in ESTIMATE_TYPES:
        try:
            return datetime.strptime(by_type.get(kind, ""), "%Y%m%d").date()
        except ValueError:
            continue
    return None
