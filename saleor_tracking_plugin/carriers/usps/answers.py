"""USPS events' true times: `trackingEvents[].GMTTimestamp` of the Tracking API v3 answer.

`eventTimestamp` is the local time where the scan happened (with a misleading `Z`), which karrio
keeps; USPS also sends the GMT time (`GMTTimestamp`, with `GMTOffset`), which is the instant.
"""

from typing import Any

from ..answer_times import read_event_instants
from ..karrio_adapter import AnswerFacts
from ..karrio_http import Answer

TRACK_PATH = "/tracking/v3/tracking/"


def read_answers(answers: list[Answer]) -> dict[str, AnswerFacts]:
    """Facts per tracking number from the call's Tracking API answers."""
    return read_event_instants(answers, TRACK_PATH, _parcels, "GMTTimestamp")


def _parcels(document: Any):
    yield document.get("trackingNumber"), document.get("trackingEvents") or []
