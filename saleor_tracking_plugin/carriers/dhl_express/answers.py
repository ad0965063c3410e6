"""DHL events' true times: `shipments[].events[].timestamp` of Shipment Tracking - Unified.

DHL sends ISO 8601 times, with an offset where it knows the scan's zone; karrio cuts the offset
off. Times with an offset are read here; times without one keep karrio's reading.
"""

from typing import Any

from ..answer_times import read_event_instants
from ..karrio_adapter import AnswerFacts
from ..karrio_http import Answer

TRACK_PATH = "/track/shipments"


def read_answers(answers: list[Answer]) -> dict[str, AnswerFacts]:
    """Facts per tracking number from the call's tracking answers."""
    return read_event_instants(answers, TRACK_PATH, _parcels, "timestamp")


def _parcels(document: Any):
    for shipment in document.get("shipments") or []:
        yield shipment.get("id"), shipment.get("events") or []
