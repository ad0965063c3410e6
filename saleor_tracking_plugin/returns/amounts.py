"""Money of a return (pure: no Django)."""

from collections.abc import Iterable
from decimal import Decimal

from .reasons import InspectionOutcome, is_refunded


def requested_value(items: Iterable[tuple[Decimal, int]]) -> Decimal:
    """What the requested items cost: unit gross price × quantity."""
    return sum((price * quantity for price, quantity in items), Decimal(0))


def refund_value(items: Iterable[tuple[Decimal, int, InspectionOutcome]]) -> Decimal:
    """What the customer gets back: every inspected item that arrived; missing ones are not."""
    return sum(
        (price * quantity for price, quantity, outcome in items if is_refunded(outcome)),
        Decimal(0),
    )
