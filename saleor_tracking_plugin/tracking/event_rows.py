"""The scans of shipments' current tracking numbers as plain rows, for reading only.

A tracking query shows up to hundreds of scans. Read as model instances through
`prefetch_related`, they cost more than the rest of the query's own work (benchmark B2);
read as tuples in one statement for all the shipments, a few hundred microseconds.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from .models import Shipment, ShipmentEvent

ATTRIBUTE = "current_event_rows"


class EventRow(NamedTuple):
    """One scan, as the tracking API shows it."""

    occurred_at: datetime
    status: str
    description: str
    location: str


def attach_current_events(shipments: Iterable[Shipment]) -> None:
    """Give each shipment the scans of its current tracking number, oldest first, in one
    query however many shipments and scans there are."""
    by_pk = {shipment.pk: shipment for shipment in shipments}
    rows: dict[int, list[EventRow]] = defaultdict(list)
    if by_pk:
        scans = (
            ShipmentEvent.objects.filter(shipment_id__in=by_pk)
            .order_by("occurred_at", "pk")
            .values_list(
                "shipment_id", "tracking_number", "occurred_at", "status", "description", "location"
            )
        )
        for shipment_id, number, occurred_at, status, description, location in scans:
            # A number changed by staff keeps its old scans, which belong to the old parcel.
            if number == by_pk[shipment_id].tracking_number:
                rows[shipment_id].append(EventRow(occurred_at, status, description, location))
    for pk, shipment in by_pk.items():
        setattr(shipment, ATTRIBUTE, rows[pk])


def current_events(shipment: Shipment) -> list[EventRow]:
    """The shipment's attached scans; a shipment read on its own gets them now."""
    if not hasattr(shipment, ATTRIBUTE):
        attach_current_events([shipment])
    return getattr(shipment, ATTRIBUTE)
