"""True event times from a carrier's raw JSON answer, where karrio's parser keeps wall clocks.

karrio's `fiso_timestamp` formats every event time as `…Z` after dropping its offset, so a
scan at 09:30+01:00 would be stored as 09:30 UTC. Carriers whose answers carry ISO 8601 times
with an offset (GLS, FedEx, Royal Mail) give karrio's events their true instant back through
this reader; karrio lists events in the answer's order, which the reader keeps.
"""

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from .karrio_adapter import AnswerFacts
from .karrio_http import Answer

# (tracking number, its events as the answer lists them) for each parcel of a document.
ParcelsOf = Callable[[Any], Iterable[tuple[str, list]]]


def read_event_instants(
    answers: list[Answer], url_part: str, parcels_of: ParcelsOf, time_key: str
) -> dict[str, AnswerFacts]:
    """Facts per tracking number (upper case): each event's `time_key` as an aware instant."""
    facts: dict[str, AnswerFacts] = {}
    for url, _sent, body in answers:
        if url_part not in url:
            continue
        try:
            parcels = list(parcels_of(json.loads(body)))
        except (ValueError, TypeError, KeyError, AttributeError):
            continue  # karrio's own parsing reports an unreadable answer
        for number, events in parcels:
            if number:
                facts[str(number).upper()] = AnswerFacts(
                    event_times=tuple(
                        _instant(e.get(time_key)) if isinstance(e, dict) else None
                        for e in events or []
                    )
                )
    return facts


def _instant(value: Any) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None
