"""How a batch of carrier events moves a shipment: pure rules, no database.

Events may arrive late, twice or out of order (a poll catching up after an outage, an
aggregator repeating a delivery). The rules: an event is stored once (its fingerprint), and
only an event newer than the last applied one, whose status the state machine allows, moves the
shipment. Older events still join the history.
"""

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime

from .statuses import ShipmentStatus, can_transition


@dataclass(frozen=True)
class TrackingEventData:
    """One carrier scan, normalised; what every connector produces."""

    occurred_at: datetime
    status: ShipmentStatus
    description: str = ""
    location: str = ""
    carrier_status_code: str = ""

    def fingerprint(self) -> str:
        """Identity of the scan, so the same scan reported twice is stored once."""
        raw = "|".join(
            [
                self.occurred_at.isoformat(),
                self.status.value,
                self.carrier_status_code.strip(),
                " ".join(self.description.split()),
                " ".join(self.location.split()),
            ]
        )
        return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class ShipmentState:
    """The part of a shipment that events change."""

    status: ShipmentStatus
    status_detail: str = ""
    carrier_status_code: str = ""
    last_event_at: datetime | None = None
    delivered_at: datetime | None = None


@dataclass(frozen=True)
class Progress:
    """The outcome of applying events: the new state and what changed on the way."""

    state: ShipmentState
    new_events: list[TrackingEventData] = field(default_factory=list)
    status_changes: list[tuple[ShipmentStatus, ShipmentStatus, TrackingEventData]] = field(
        default_factory=list
    )

    @property
    def status_changed(self) -> bool:
        return bool(self.status_changes)


def apply_events(
    state: ShipmentState,
    events: list[TrackingEventData],
    known_fingerprints: set[str],
) -> Progress:
    """Apply carrier events to a shipment state, oldest first.

    Returns the new state, the events not seen before (to store), and each status change.
    """
    new_events: list[TrackingEventData] = []
    seen = set(known_fingerprints)
    for event in sorted(events, key=lambda e: e.occurred_at):
        fingerprint = event.fingerprint()
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        new_events.append(event)

    changes = []
    for event in new_events:
        if state.last_event_at and event.occurred_at < state.last_event_at:
            continue
        if not can_transition(state.status, event.status):
            continue
        previous = state.status
        state = replace(
            state,
            status=event.status,
            status_detail=event.description,
            carrier_status_code=event.carrier_status_code,
            last_event_at=event.occurred_at,
            delivered_at=(
                event.occurred_at
                if event.status == ShipmentStatus.DELIVERED
                else state.delivered_at
            ),
        )
        if previous != event.status:
            changes.append((previous, event.status, event))
    return Progress(state=state, new_events=new_events, status_changes=changes)
