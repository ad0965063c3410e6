"""DPD scans' true times, from the `getTrackingData` SOAP answer itself.

`statusInfo/date/content` is the depot's wall clock on a 12-hour clock, e.g.
`8/19/2021 10:41:25 PM` (DPD ParcelLifeCycleService 2.0). karrio reads it with a 24-hour
pattern (22:41 becomes 10:41) and stamps it as UTC; here it is read as written, in Central
European time where DPD Benelux scans. karrio lists the events newest first, the answer oldest
first; the instants follow karrio's order. The XML goes through the plugin's safe parser.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from ..connector import CarrierError
from ..http import find_local, local_children, parse_xml
from ..karrio_adapter import AnswerFacts
from ..karrio_http import Answer

TRACK_PATH = "/ParcelLifeCycleService/"
WALL_CLOCK_ZONE = ZoneInfo("Europe/Brussels")
DATE_FORMAT = "%m/%d/%Y %I:%M:%S %p"


def read_answers(answers: list[Answer]) -> dict[str, AnswerFacts]:
    """Facts per parcel number from the call's tracking answers.

    DPD's answer does not repeat the parcel number: it is read from the request it answers
    (`getTrackingData/parcelLabelNumber`).
    """
    facts: dict[str, AnswerFacts] = {}
    for url, sent, body in answers:
        if TRACK_PATH not in url:
            continue
        number = _number_asked(sent)
        try:
            root = parse_xml(body)
        except CarrierError:
            continue  # karrio's own parsing reports an unreadable answer
        result = find_local(root, "trackingresult")
        if result is None:
            continue
        instants = tuple(_instant(info) for info in local_children(result, "statusInfo"))
        if number:
            facts[number] = AnswerFacts(event_times=tuple(reversed(instants)))
    return facts


def _number_asked(sent: bytes) -> str:
    match = re.search(rb"<parcelLabelNumber>\s*([^<\s]+)\s*</parcelLabelNumber>", sent or b"")
    return match.group(1).decode(errors="replace").upper() if match else ""


def _instant(info) -> datetime | None:
    date_node = find_local(info, "date")
    content = find_local(date_node, "content") if date_node is not None else None
    if content is None:
        return None
    try:
        local = datetime.strptime((content.text or "").strip(), DATE_FORMAT)
    except ValueError:
        return None
    return local.replace(tzinfo=WALL_CLOCK_ZONE)
