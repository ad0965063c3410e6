"""Return statuses and the one table of allowed transitions (pure: no Django)."""

from enum import StrEnum


class ReturnStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    SHIPPED_BACK = "shipped_back"
    RECEIVED = "received"
    INSPECTED = "inspected"
    # The payment app was asked to refund; money has not moved until Saleor records success.
    REFUND_REQUESTED = "refund_requested"
    REFUNDED = "refunded"
    CREDITED = "credited"
    # Closed by staff without refund: every item went missing (lost parcel, nothing arrived).
    CLOSED = "closed"


S = ReturnStatus

TRANSITIONS: dict[ReturnStatus, frozenset[ReturnStatus]] = {
    S.REQUESTED: frozenset({S.APPROVED, S.REJECTED, S.CANCELLED}),
    S.APPROVED: frozenset({S.SHIPPED_BACK, S.RECEIVED, S.CANCELLED}),
    S.SHIPPED_BACK: frozenset({S.RECEIVED, S.CLOSED}),
    S.RECEIVED: frozenset({S.INSPECTED}),
    S.INSPECTED: frozenset({S.REFUND_REQUESTED, S.REFUNDED, S.CREDITED, S.CLOSED}),
    # Success moves on; a failure the payment app reports goes back to staff to retry.
    S.REFUND_REQUESTED: frozenset({S.REFUNDED, S.INSPECTED}),
    S.REJECTED: frozenset(),
    S.CANCELLED: frozenset(),
    S.REFUNDED: frozenset(),
    S.CREDITED: frozenset(),
    S.CLOSED: frozenset(),
}

# Returns whose items still count against the returnable quantity of the order lines: after
# inspection the items are in Saleor's returned fulfillment and no longer counted as fulfilled.
OPEN_STATUSES = frozenset({S.REQUESTED, S.APPROVED, S.SHIPPED_BACK, S.RECEIVED})
# Statuses in which the customer may still enter the return parcel's tracking number.
AWAITING_PARCEL = frozenset({S.APPROVED, S.SHIPPED_BACK})


def can_transition(current: ReturnStatus, target: ReturnStatus) -> bool:
    """Whether a return in `current` may move to `target`."""
    return target in TRANSITIONS[current]


def is_final(status: ReturnStatus) -> bool:
    """A return that no step can move any more."""
    return not TRANSITIONS[status]
