"""What FedEx's Track API answer says that karrio's parser drops or reads differently.

- Scan times: `output.completeTrackResults[].trackResults[].scanEvents[].date` is ISO 8601
  with the scan's offset; karrio stamps the wall clock as UTC.
- Estimate: FedEx's own estimate is `estimatedDeliveryTimeWindow` (its end, so a window over
  several days is not late on its first day), else `dateAndTimes[]` of type
  `ESTIMATED_DELIVERY`; karrio prefers `standardTransitTimeWindow`, the service's standard
  promise. (developer.fedex.com, Track API, "TrackResult")
"""

import json
from dataclasses import replace
from datetime import date
from typing import Any

from ..answer_times import read_event_instants
from ..karrio_adapter import AnswerFacts
from ..karrio_http import Answer

TRACK_PATH = "/track/v1/trackingnumbers"


def read_answers(answers: list[Answer]) -> dict[str, AnswerFacts]:
    """Facts per tracking number from the call's Track API answer."""
    facts = read_event_instants(answers, TRACK_PATH, _parcels, "date")
    for number, result in _results(answers):
        estimate = _estimate(result)
        if estimate is not None:
            facts[number] = replace(facts.get(number, AnswerFacts()), estimated_delivery=estimate)
    return facts


def _parcels(document: Any):
    for result in (document.get("output") or {}).get("completeTrackResults") or []:
        track_results = result.get("trackResults") or []
        # karrio reads the one result of a number; with several it picks one we cannot tell.
        if len(track_results) == 1:
            yield result.get("trackingNumber"), track_results[0].get("scanEvents") or []


def _results(answers: list[Answer]):
    for url, _sent, body in answers:
        if TRACK_PATH not in url:
            continue
        try:
            results = json.loads(body)["output"]["completeTrackResults"]
        except (ValueError, TypeError, KeyError):
            continue
        for result in results or []:
            track_results = result.get("trackResults") or []
            if len(track_results) == 1 and result.get("trackingNumber"):
                yield str(result["trackingNumber"]).upper(), track_results[0]


def _estimate(result: dict) -> date | None:
    window = (result.get("estimatedDeliveryTimeWindow") or {}).get("window") or {}
    candidates = [window.get("ends"), window.get("begins")]
    candidates += [
        row.get("dateTime")
        for row in result.get("dateAndTimes") or []
        if isinstance(row, dict) and row.get("type") == "ESTIMATED_DELIVERY"
    ]
    for value in candidates:
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            continue
    return None
