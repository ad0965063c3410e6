"""Royal Mail events' true times: `mailPieces.events[].eventDateTime` of the Tracking API v2
events answer (ISO 8601 with offset, e.g. `+01:00` in summer), which karrio stamps as UTC."""

from typing import Any

from ..answer_times import read_event_instants
from ..karrio_adapter import AnswerFacts
from ..karrio_http import Answer

TRACK_PATH = "/mailpieces/v2/"


def read_answers(answers: list[Answer]) -> dict[str, AnswerFacts]:
    """Facts per mail piece from the call's Tracking API answers."""
    return read_event_instants(answers, TRACK_PATH, _parcels, "eventDateTime")


def _parcels(document: Any):
    pieces = document.get("mailPieces") or {}
    yield pieces.get("mailPieceId"), pieces.get("events") or []
