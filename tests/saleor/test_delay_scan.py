"""The periodic delay scan: SQL picks the orders that may be late, once per shop day each."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time
from saleor.order import OrderStatus

from saleor_tracking_plugin.config import load_settings
from saleor_tracking_plugin.delays import scan
from saleor_tracking_plugin.delays.models import OrderDelay
from saleor_tracking_plugin.delays.rules import DelayCause
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

IST = ZoneInfo("Europe/Istanbul")
PLACED = datetime(2026, 11, 16, 12, tzinfo=IST)  # a Monday
MONDAY_MORNING = datetime(2026, 11, 23, 9, tzinfo=IST)
MONDAY_EVENING = datetime(2026, 11, 23, 18, tzinfo=IST)
TUESDAY = datetime(2026, 11, 24, 9, tzinfo=IST)


@pytest.fixture
def shipped_order(order_with_lines):
    """An order placed last Monday, shipped, with a parcel promised for last Thursday."""
    order_with_lines.created_at = PLACED
    order_with_lines.status = OrderStatus.FULFILLED
    order_with_lines.save(update_fields=["created_at", "status"])
    for line in order_with_lines.lines.all():
        line.quantity_fulfilled = line.quantity
        line.save(update_fields=["quantity_fulfilled"])
    Shipment.objects.create(
        order=order_with_lines,
        carrier_code="yurtici",
        tracking_number="305712345678",
        status=ShipmentStatus.IN_TRANSIT,
        estimated_delivery=date(2026, 11, 19),
        last_event_at=datetime(2026, 11, 23, 8, tzinfo=IST),
    )
    return order_with_lines


def run_scan(now: datetime) -> int:
    with freeze_time(now):
        return scan.scan(now, load_settings())


def test_a_parcel_past_its_estimate_is_found_by_the_scan(shipped_order):
    assert run_scan(MONDAY_MORNING) == 1

    delay = OrderDelay.objects.get(order=shipped_order)
    assert [cause.cause for cause in delay.causes.all()] == [DelayCause.ESTIMATE_PASSED]


def test_an_order_checked_today_is_skipped_until_the_next_shop_day(shipped_order):
    # given the morning scan found the late parcel
    run_scan(MONDAY_MORNING)

    # when the scan runs again the same evening, the order is not selected
    with freeze_time(MONDAY_EVENING):
        assert shipped_order.pk not in scan.due_order_ids(MONDAY_EVENING, load_settings())

    # then on the next day it is, and its days late are refreshed
    with freeze_time(TUESDAY):
        assert shipped_order.pk in scan.due_order_ids(TUESDAY, load_settings())
    run_scan(TUESDAY)
    cause = OrderDelay.objects.get(order=shipped_order).causes.get()
    assert cause.days_late == 3


def test_an_order_in_time_is_not_selected(shipped_order):
    Shipment.objects.filter(order=shipped_order).update(estimated_delivery=date(2026, 11, 25))

    with freeze_time(MONDAY_MORNING):
        assert scan.due_order_ids(MONDAY_MORNING, load_settings()) == []


def test_the_scan_closes_the_delay_of_an_order_cancelled_in_saleor(shipped_order):
    run_scan(MONDAY_MORNING)
    shipped_order.status = OrderStatus.CANCELED
    shipped_order.save(update_fields=["status"])

    run_scan(MONDAY_EVENING)

    delay = OrderDelay.objects.get(order=shipped_order)
    assert delay.resolution == "cancelled"


def test_a_young_order_saleor_could_not_allocate_is_found_as_out_of_stock(order_with_lines):
    # given an order placed this morning whose first line has no stock allocated
    order_with_lines.created_at = MONDAY_MORNING
    order_with_lines.status = OrderStatus.UNFULFILLED
    order_with_lines.save(update_fields=["created_at", "status"])
    order_with_lines.lines.first().allocations.all().delete()

    # when the evening scan runs
    run_scan(MONDAY_EVENING)

    # then the shortage is a delay although the handling time has not run out
    delay = OrderDelay.objects.get(order=order_with_lines)
    assert [cause.cause for cause in delay.causes.all()] == [DelayCause.OUT_OF_STOCK]
