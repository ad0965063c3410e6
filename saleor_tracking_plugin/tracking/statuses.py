"""The shipment status vocabulary and its state machine.

Chosen by comparing three established vocabularies:

| ours                 | AfterShip tag        | karrio                  | EasyPost               |
|----------------------|----------------------|-------------------------|------------------------|
| pending              | Pending              | pending                 | unknown / pre_transit  |
| info_received        | InfoReceived         | pending (label created) | pre_transit            |
| in_transit           | InTransit            | in_transit              | in_transit             |
| out_for_delivery     | OutForDelivery       | out_for_delivery        | out_for_delivery       |
| available_for_pickup | AvailableForPickup   | ready_for_pickup        | available_for_pickup   |
| delivered            | Delivered            | delivered               | delivered              |
| failed_attempt       | AttemptFail          | delivery_failed         | failure                |
| exception            | Exception            | on_hold                 | error                  |
| delayed              | InTransit_Delayed... | delivery_delayed        | (in_transit + detail)  |
| returning_to_sender  | Exception_Returning  | return_to_sender        | return_to_sender       |
| returned             | Exception_Returned   | return_to_sender (done) | return_to_sender       |
| expired              | Expired              | unknown                 | unknown                |
| cancelled            | (none)               | cancelled               | cancelled              |
| unknown              | (none)               | unknown                 | unknown                |

`delayed` is a status of its own (karrio has it; AfterShip encodes it as a sub-status) because
delay handling is a first-class capability here. `cancelled` is ours for a fulfillment or order
cancelled in Saleor; `expired` for a number the carrier stopped answering for.

The transition table is data: one row per status naming where it may go next. A status may
always repeat itself (a newer scan with the same status refreshes the detail).
"""

from enum import StrEnum


class ShipmentStatus(StrEnum):
    PENDING = "pending"
    INFO_RECEIVED = "info_received"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    AVAILABLE_FOR_PICKUP = "available_for_pickup"
    DELIVERED = "delivered"
    FAILED_ATTEMPT = "failed_attempt"
    EXCEPTION = "exception"
    DELAYED = "delayed"
    RETURNING_TO_SENDER = "returning_to_sender"
    RETURNED = "returned"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


S = ShipmentStatus

# Statuses of a parcel moving towards the customer, which may follow one another freely
# (carriers re-route, re-attempt and recover from delays).
_MOVING = frozenset(
    {
        S.IN_TRANSIT,
        S.OUT_FOR_DELIVERY,
        S.AVAILABLE_FOR_PICKUP,
        S.FAILED_ATTEMPT,
        S.EXCEPTION,
        S.DELAYED,
    }
)
_ENDINGS = frozenset({S.DELIVERED, S.RETURNING_TO_SENDER, S.RETURNED, S.EXPIRED})
_ANY_CARRIER_STATUS = _MOVING | _ENDINGS | {S.INFO_RECEIVED, S.UNKNOWN}

ALLOWED_TRANSITIONS: dict[ShipmentStatus, frozenset[ShipmentStatus]] = {
    S.PENDING: _ANY_CARRIER_STATUS | {S.CANCELLED},
    S.UNKNOWN: _ANY_CARRIER_STATUS | {S.CANCELLED},
    S.INFO_RECEIVED: _MOVING | _ENDINGS | {S.CANCELLED},
    S.IN_TRANSIT: _MOVING | _ENDINGS | {S.CANCELLED},
    S.OUT_FOR_DELIVERY: _MOVING | _ENDINGS | {S.CANCELLED},
    S.AVAILABLE_FOR_PICKUP: _MOVING | _ENDINGS | {S.CANCELLED},
    S.FAILED_ATTEMPT: _MOVING | _ENDINGS | {S.CANCELLED},
    S.EXCEPTION: _MOVING | _ENDINGS | {S.CANCELLED},
    S.DELAYED: _MOVING | _ENDINGS | {S.CANCELLED},
    # Once on its way back, a parcel only finishes its way back (or is lost on it).
    S.RETURNING_TO_SENDER: frozenset({S.RETURNED, S.EXCEPTION, S.DELAYED, S.EXPIRED}),
    # A late scan revives a number the carrier had stopped answering for.
    S.EXPIRED: _MOVING | {S.DELIVERED, S.RETURNING_TO_SENDER, S.RETURNED, S.CANCELLED},
    S.DELIVERED: frozenset(),
    S.RETURNED: frozenset(),
    S.CANCELLED: frozenset(),
}

TERMINAL_STATUSES = frozenset(
    status for status, targets in ALLOWED_TRANSITIONS.items() if not targets
)

# Statuses that need no more carrier polling.
FINISHED_STATUSES = TERMINAL_STATUSES | {S.EXPIRED}

# Order of progress, used to summarise several shipments of one order: the order is only as
# far as its least advanced active shipment.
PROGRESS_RANK: dict[ShipmentStatus, int] = {
    S.PENDING: 0,
    S.UNKNOWN: 0,
    S.INFO_RECEIVED: 1,
    S.IN_TRANSIT: 2,
    S.DELAYED: 2,
    S.EXCEPTION: 2,
    S.FAILED_ATTEMPT: 3,
    S.OUT_FOR_DELIVERY: 3,
    S.AVAILABLE_FOR_PICKUP: 4,
    S.RETURNING_TO_SENDER: 4,
    S.RETURNED: 5,
    S.EXPIRED: 5,
    S.DELIVERED: 5,
    S.CANCELLED: 6,
}


def can_transition(current: ShipmentStatus, new: ShipmentStatus) -> bool:
    """Whether a shipment in `current` may move to `new` (repeating a status is allowed)."""
    if current == new:
        return current not in TERMINAL_STATUSES
    return new in ALLOWED_TRANSITIONS[current]


def least_advanced(statuses: list[ShipmentStatus]) -> ShipmentStatus | None:
    """The status that describes an order as a whole: its least advanced active shipment."""
    active = [s for s in statuses if s != S.CANCELLED]
    if not active:
        return S.CANCELLED if statuses else None
    return min(active, key=lambda s: PROGRESS_RANK[s])
