"""When an order is late, why, and by how much (pure, no Django).

The detector looks at facts gathered from Saleor and the tracked shipments and names every
cause that applies now. Recording each cause once per order is the caller's job (actions).
"""

from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from ..business_days import add_business_days, business_days_between
from ..tracking.statuses import FINISHED_STATUSES, ShipmentStatus

S = ShipmentStatus


class DelayCause(StrEnum):
    NOT_SHIPPED = "not_shipped"
    OUT_OF_STOCK = "out_of_stock"
    CARRIER_DELAY = "carrier_delay"
    CARRIER_EXCEPTION = "carrier_exception"
    NO_SCAN = "no_scan"
    ESTIMATE_PASSED = "estimate_passed"


class DelayChoice(StrEnum):
    """What the customer wants done about a delay."""

    CANCEL = "cancel"
    WAIT = "wait"
    CHASE = "chase"


# Carrier statuses that mean the parcel is stuck or in trouble. A failed delivery attempt is
# not one by itself: the carrier tries again (and the customer hears of it as a milestone);
# it becomes a delay when the estimate passes or the scans stop.
CARRIER_DELAY_STATUSES = frozenset({S.DELAYED})
CARRIER_EXCEPTION_STATUSES = frozenset({S.EXCEPTION, S.RETURNING_TO_SENDER})
# Statuses in which the carrier should keep scanning the parcel.
SCANNED_STATUSES = frozenset(
    {S.INFO_RECEIVED, S.IN_TRANSIT, S.OUT_FOR_DELIVERY, S.DELAYED, S.EXCEPTION, S.FAILED_ATTEMPT}
)


@dataclass(frozen=True)
class DelayPolicy:
    """The merchant's promises, from the plugin settings."""

    handling_business_days: int = 2
    no_scan_hours: int = 72
    wait_extra_business_days: int = 3


@dataclass(frozen=True)
class ShipmentFacts:
    shipment_id: int
    status: ShipmentStatus
    shipped_at: datetime
    last_event_at: datetime | None = None
    estimated_delivery: date | None = None


@dataclass(frozen=True)
class OrderFacts:
    """What the detector needs to know about one order; datetimes are timezone-aware."""

    placed_at: datetime
    has_unshipped_lines: bool
    lines_short_of_stock: int = 0
    shipments: tuple[ShipmentFacts, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Delay:
    """One cause of lateness found now."""

    cause: DelayCause
    days_late: int
    new_estimate: date
    shipment_id: int | None = None


def ship_by(placed_on: date, policy: DelayPolicy, holidays: Container[date]) -> date:
    """The last day the merchant promised to hand the order to the carrier."""
    return add_business_days(placed_on, policy.handling_business_days, holidays)


def detect_delays(
    order: OrderFacts, policy: DelayPolicy, now: datetime, holidays: Container[date]
) -> list[Delay]:
    """Every cause that makes the order late at `now` (in the shop's time zone), one per cause.

    When several parcels share a cause, the latest one speaks for the order.
    """
    today = now.date()
    found: dict[DelayCause, Delay] = {}

    def keep(delay: Delay) -> None:
        known = found.get(delay.cause)
        if known is None or delay.days_late > known.days_late:
            found[delay.cause] = delay

    if order.has_unshipped_lines:
        deadline = ship_by(order.placed_at.astimezone(now.tzinfo).date(), policy, holidays)
        late_by = business_days_between(deadline, today, holidays)
        estimate = add_business_days(today, policy.wait_extra_business_days, holidays)
        if late_by > 0:
            keep(Delay(DelayCause.NOT_SHIPPED, late_by, estimate))
        if order.lines_short_of_stock:
            keep(Delay(DelayCause.OUT_OF_STOCK, late_by, estimate))

    for shipment in order.shipments:
        for delay in _shipment_delays(shipment, policy, now, holidays):
            keep(delay)
    return sorted(found.values(), key=lambda delay: list(DelayCause).index(delay.cause))


def _shipment_delays(
    shipment: ShipmentFacts, policy: DelayPolicy, now: datetime, holidays: Container[date]
) -> list[Delay]:
    status = shipment.status
    if status in FINISHED_STATUSES or status == S.PENDING:
        return []
    today = now.date()
    past_estimate = (
        business_days_between(shipment.estimated_delivery, today, holidays)
        if shipment.estimated_delivery
        else 0
    )
    estimate = new_estimate(shipment.estimated_delivery, today, policy, holidays)
    delays = []
    if status in CARRIER_DELAY_STATUSES:
        delays.append(
            Delay(DelayCause.CARRIER_DELAY, past_estimate, estimate, shipment.shipment_id)
        )
    if status in CARRIER_EXCEPTION_STATUSES:
        delays.append(
            Delay(DelayCause.CARRIER_EXCEPTION, past_estimate, estimate, shipment.shipment_id)
        )
    last_scan = shipment.last_event_at or shipment.shipped_at
    silence = now - last_scan
    if status in SCANNED_STATUSES and silence > timedelta(hours=policy.no_scan_hours):
        delays.append(Delay(DelayCause.NO_SCAN, silence.days, estimate, shipment.shipment_id))
    if past_estimate > 0:
        delays.append(
            Delay(DelayCause.ESTIMATE_PASSED, past_estimate, estimate, shipment.shipment_id)
        )
    return delays


def new_estimate(
    current: date | None, today: date, policy: DelayPolicy, holidays: Container[date]
) -> date:
    """The date to promise a customer who waits: the carrier's own date while it is still
    ahead, else a fresh allowance of business days from today."""
    if current and current > today:
        return current
    return add_business_days(today, policy.wait_extra_business_days, holidays)


def offered_choices(order_can_be_cancelled: bool) -> list[DelayChoice]:
    """The choices a customer gets: cancelling only while nothing has been shipped."""
    choices = [DelayChoice.WAIT, DelayChoice.CHASE]
    if order_can_be_cancelled:
        choices.insert(0, DelayChoice.CANCEL)
    return choices
