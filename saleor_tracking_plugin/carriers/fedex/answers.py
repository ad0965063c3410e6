"""FedEx scans' true times: `output.completeTrackResults[].trackResults[].scanEvents[].date`
of the Track API answer (ISO 8601 with the scan's offset), which karrio stamps as UTC."""

from typing import Any

from ..answer_times import read_event_instants
from ..karrio_adapter import AnswerFacts
from ..karrio_http import Answer

TRACK_PATH = "/track/v1/trackingnumbers"


def read_answers(answers: list[Answer]) -> dict[str, AnswerFacts]:
    """Facts per tracking number from the call's Track API answer."""
    return read_event_instants(answers, TRACK_PATH, _parcels, "date")


def _parcels(document: Any):
    for result in (document.get("output") or {}).get("completeTrackResults") or []:
        track_results = result.get("trackResults") or []
        # karrio reads the one result of a number; with several it picks one we cannot tell.
        if len(track_results) == 1:
            yield result.get("trackingNumber"), track_results[0].get("scanEvents") or []
