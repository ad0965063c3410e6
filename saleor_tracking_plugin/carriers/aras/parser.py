"""Read Aras's `GetQueryJSON` answer into `TrackingUpdate`s.

The SOAP answer carries a JSON document as text in `GetQueryJSONResult`:
  {"QueryResult": {"CargoTransaction": [{"KARGO_TAKIP_NO", "ISLEM_TARIHI"
   ("dd.MM.yyyy HH:mm:ss"), "BIRIM", "IL", "ISLEM", "DURUM_KODU"}, …]}}
A wrong user name or password comes back as a plain sentence instead of JSON.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from ...tracking.progress import TrackingEventData
from ..connector import CarrierError, Problem, TrackingUpdate
from ..http import find_local, parse_json, parse_xml, text_of
from .status_map import EVENT_WORDING, STATUS_CODES

ISTANBUL = ZoneInfo("Europe/Istanbul")
_AUTH_WORDING = re.compile(r"kullanici|kullanıcı|sifre|şifre|yetki|password", re.IGNORECASE)


def parse_query_json(body: bytes, number: str) -> TrackingUpdate:
    """The update for `number`; raises `CarrierError` when the answer is unusable."""
    root = parse_xml(body)
    fault = find_local(root, "Fault")
    if fault is not None:
        raise CarrierError(Problem.MALFORMED, f"SOAP fault: {text_of(fault, 'faultstring')}")
    result = find_local(root, "GetQueryJSONResult")
    if result is None:
        raise CarrierError(Problem.MALFORMED, "no GetQueryJSONResult in the answer")
    text = (result.text or "").strip()
    if not text.startswith(("{", "[")):
        problem = Problem.AUTHENTICATION if _AUTH_WORDING.search(text) else Problem.MALFORMED
        raise CarrierError(problem, text[:300] or "empty answer")
    document = parse_json(text)
    query = document.get("QueryResult") if isinstance(document, dict) else None
    transactions = query.get("CargoTransaction") if isinstance(query, dict) else None
    if isinstance(transactions, dict):
        transactions = [transactions]
    if not transactions:
        return TrackingUpdate(number, problem=Problem.UNKNOWN_NUMBER, detail="no movements")
    if not isinstance(transactions, list):
        raise CarrierError(Problem.MALFORMED, "CargoTransaction is not a list")
    events = [event for event in map(_event, transactions) if event is not None]
    return TrackingUpdate(number, events=tuple(events))


def _event(row: object) -> TrackingEventData | None:
    if not isinstance(row, dict):
        return None
    try:
        occurred_at = datetime.strptime(str(row.get("ISLEM_TARIHI", "")), "%d.%m.%Y %H:%M:%S")
    except ValueError:
        return None
    code = str(row.get("DURUM_KODU") or "").strip()
    action = str(row.get("ISLEM") or "").strip()
    status = EVENT_WORDING.status_of(action)
    if status == EVENT_WORDING.default and code in STATUS_CODES:
        status = STATUS_CODES[code]
    place = " / ".join(str(row.get(key) or "").strip() for key in ("BIRIM", "IL") if row.get(key))
    return TrackingEventData(
        occurred_at=occurred_at.replace(tzinfo=ISTANBUL),
        status=status,
        description=action[:1000],
        location=place[:255],
        carrier_status_code=code[:64],
    )
