"""GLS events' true times: `parcels[].events[].eventDateTime` (ISO 8601 with offset) of the
Track and Trace API's `ParcelsResponseDTO`, which karrio reduces to a date."""

from typing import Any

from ..answer_times import read_event_instants
from ..karrio_adapter import AnswerFacts
from ..karrio_http import Answer

TRACK_PATH = "/tracking/simple/trackids/"


def read_answers(answers: list[Answer]) -> dict[str, AnswerFacts]:
    """Facts per tracking number from the call's Track and Trace answers."""
    return read_event_instants(answers, TRACK_PATH, _parcels, "eventDateTime")


def _parcels(document: Any):
    for parcel in document.get("parcels") or []:
        yield parcel.get("unitno") or parcel.get("requested"), parcel.get("events") or []
