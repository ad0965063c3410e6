"""Read Yurtiçi's `queryShipment` SOAP answer into `TrackingUpdate`s.

Answer shape (ShippingOrderDispatcherServices):
  ShippingDeliveryVO: outFlag (0 ok, 1 error, 2 unexpected), outResult, errCode,
    shippingDeliveryDetailVO*: cargoKey, errCode, errMessage, operationStatus, operationMessage,
      shippingDeliveryItemDetailVO: deliveryDate/deliveryTime (yyyyMMdd/HHmmss),
        estimatedDeliveryDate, invDocCargoVOArray*: eventName, reasonName, unitName,
        cityName, townName, eventDate (yyyyMMdd), eventTime (HHmmss)
"""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ...tracking.progress import TrackingEventData
from ...tracking.statuses import ShipmentStatus
from ..connector import CarrierError, Problem, TrackingUpdate
from ..http import find_local, local_children, parse_xml, text_of
from .status_map import EVENT_WORDING, OPERATION_STATUSES

ISTANBUL = ZoneInfo("Europe/Istanbul")
# Yurtiçi's answers to a wrong user name or password, in Turkish or English.
_AUTH_WORDING = re.compile(r"kullanici|sifre|şifre|yetki|password|user|authori", re.IGNORECASE)
_NO_PROBLEM = {"", "0"}


def parse_query_shipment(body: bytes, numbers: list[str]) -> list[TrackingUpdate]:
    """One update per asked number; raises `CarrierError` when the whole answer failed."""
    root = parse_xml(body)
    fault = find_local(root, "Fault")
    if fault is not None:
        raise CarrierError(Problem.MALFORMED, f"SOAP fault: {text_of(fault, 'faultstring')}")
    result = find_local(root, "ShippingDeliveryVO")
    if result is None:
        raise CarrierError(Problem.MALFORMED, "no ShippingDeliveryVO in the answer")
    flag = text_of(result, "outFlag")
    if flag != "0":
        message = text_of(result, "outResult") or text_of(result, "errMessage")
        problem = Problem.AUTHENTICATION if _AUTH_WORDING.search(message) else Problem.MALFORMED
        raise CarrierError(problem, f"outFlag {flag}: {message}"[:300])
    details = {
        text_of(detail, "cargoKey"): detail
        for detail in local_children(result, "shippingDeliveryDetailVO")
    }
    updates = []
    for number in numbers:
        detail = details.get(number)
        if detail is None or text_of(detail, "errCode") not in _NO_PROBLEM:
            reason = text_of(detail, "errMessage") if detail is not None else "not in the answer"
            updates.append(
                TrackingUpdate(number, problem=Problem.UNKNOWN_NUMBER, detail=reason[:300])
            )
            continue
        updates.append(_update(number, detail))
    return updates


def _update(number: str, detail) -> TrackingUpdate:
    items = local_children(detail, "shippingDeliveryItemDetailVO")
    item = items[0] if items else None
    events = []
    for scan in local_children(item, "invDocCargoVOArray") if item is not None else []:
        occurred_at = _when(text_of(scan, "eventDate"), text_of(scan, "eventTime"))
        if occurred_at is None:
            continue
        name = text_of(scan, "eventName")
        reason = text_of(scan, "reasonName")
        place = " / ".join(p for p in (text_of(scan, "townName"), text_of(scan, "cityName")) if p)
        events.append(
            TrackingEventData(
                occurred_at=occurred_at,
                status=EVENT_WORDING.status_of(name, reason if reason != "Sorun Yok" else ""),
                description=" - ".join(p for p in (name, reason) if p and p != "Sorun Yok"),
                location=(place or text_of(scan, "unitName"))[:255],
                carrier_status_code=text_of(scan, "eventId")[:64],
            )
        )
    operation = OPERATION_STATUSES.get(text_of(detail, "operationStatus"))
    delivered_at = (
        _when(text_of(item, "deliveryDate"), text_of(item, "deliveryTime"))
        if item is not None
        else None
    )
    already_delivered = any(event.status == ShipmentStatus.DELIVERED for event in events)
    if operation == ShipmentStatus.DELIVERED and delivered_at and not already_delivered:
        # Yurtiçi reports the delivery in the parcel's state, not always as a scan.
        events.append(
            TrackingEventData(
                occurred_at=delivered_at,
                status=ShipmentStatus.DELIVERED,
                description=text_of(detail, "operationMessage"),
                carrier_status_code="DLV",
            )
        )
    estimate = _day(text_of(item, "estimatedDeliveryDate")) if item is not None else None
    return TrackingUpdate(number, events=tuple(events), estimated_delivery=estimate)


def _when(day: str, time: str) -> datetime | None:
    parsed = _day(day)
    if parsed is None:
        return None
    digits = (time or "").replace(":", "").zfill(6)[:6]
    if not digits.isdigit():
        digits = "000000"
    try:
        return datetime(
            parsed.year,
            parsed.month,
            parsed.day,
            int(digits[:2]),
            int(digits[2:4]),
            int(digits[4:]),
            tzinfo=ISTANBUL,
        )
    except ValueError:
        return None


def _day(value: str) -> date | None:
    try:
        return datetime.strptime((value or "").strip(), "%Y%m%d").date()
    except ValueError:
        return None
