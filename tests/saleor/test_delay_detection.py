"""Delay detection inside Saleor: each cause recorded once per order, and closed on delivery."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time
from saleor.order import OrderEvents, OrderStatus

from saleor_tracking_plugin.delays import actions
from saleor_tracking_plugin.delays.models import OrderDelay
from saleor_tracking_plugin.delays.rules import DelayCause
from saleor_tracking_plugin.delays.tasks import scan_for_delays_task
from saleor_tracking_plugin.tracking import actions as tracking_actions
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from .helpers import configure_plugin

IST = ZoneInfo("Europe/Istanbul")
PLACED_MONDAY = datetime(2026, 11, 16, 12, tzinfo=IST)
NEXT_MONDAY = datetime(2026, 11, 23, 9, tzinfo=IST)


@pytest.fixture
def order_placed_last_monday(order_with_lines):
    order_with_lines.created_at = PLACED_MONDAY
    order_with_lines.status = OrderStatus.UNFULFILLED
    order_with_lines.save(update_fields=["created_at", "status"])
    return order_with_lines


def shipped(order, status=ShipmentStatus.IN_TRANSIT, estimate=None) -> Shipment:
    for line in order.lines.all():
        line.quantity_fulfilled = line.quantity
        line.save(update_fields=["quantity_fulfilled"])
    fulfillment = order.fulfillments.create(tracking_number="305712345678")
    return Shipment.objects.create(
        order=order,
        fulfillment=fulfillment,
        carrier_code="yurtici",
        tracking_number="305712345678",
        status=status,
        estimated_delivery=estimate,
        last_event_at=datetime(2026, 11, 22, 9, tzinfo=UTC),
    )


def test_an_order_not_shipped_in_time_is_recorded_as_late(order_placed_last_monday):
    [cause] = actions.detect_order_delays(order_placed_last_monday.pk, now=NEXT_MONDAY)

    assert cause.cause == DelayCause.NOT_SHIPPED
    assert cause.days_late == 3
    delay = OrderDelay.objects.get(order=order_placed_last_monday)
    assert delay.new_estimate == date(2026, 11, 26)
    assert delay.resolved_at is None
    timeline = order_placed_last_monday.events.filter(
        type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION
    )
    assert [e.parameters["message"] for e in timeline] == [
        "Delay detected: not shipped, 3 business days late"
    ]


def test_detecting_again_records_the_cause_once_and_refreshes_days_late(
    order_placed_last_monday,
):
    actions.detect_order_delays(order_placed_last_monday.pk, now=NEXT_MONDAY)

    again = actions.detect_order_delays(
        order_placed_last_monday.pk, now=datetime(2026, 11, 24, 9, tzinfo=IST)
    )

    assert again == []
    [cause] = OrderDelay.objects.get(order=order_placed_last_monday).causes.all()
    assert cause.days_late == 4
    assert (
        order_placed_last_monday.events.filter(
            type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION
        ).count()
        == 1
    )


def test_the_merchant_handling_time_setting_is_respected(order_placed_last_monday):
    configure_plugin(delay_handling_business_days="5")

    assert actions.detect_order_delays(order_placed_last_monday.pk, now=NEXT_MONDAY) == []


def test_an_order_in_time_gets_no_delay(order_placed_last_monday):
    wednesday = datetime(2026, 11, 18, 17, tzinfo=IST)

    assert actions.detect_order_delays(order_placed_last_monday.pk, now=wednesday) == []
    assert not OrderDelay.objects.exists()


def test_a_cancelled_order_is_never_late(order_placed_last_monday):
    order_placed_last_monday.status = OrderStatus.CANCELED
    order_placed_last_monday.save(update_fields=["status"])

    assert actions.detect_order_delays(order_placed_last_monday.pk, now=NEXT_MONDAY) == []


def test_a_passed_estimate_and_a_carrier_delay_are_separate_causes(order_placed_last_monday):
    shipment = shipped(
        order_placed_last_monday, status=ShipmentStatus.DELAYED, estimate=date(2026, 11, 19)
    )

    causes = actions.detect_order_delays(order_placed_last_monday.pk, now=NEXT_MONDAY)

    assert [(c.cause, c.days_late, c.shipment_id) for c in causes] == [
        (DelayCause.CARRIER_DELAY, 2, shipment.pk),
        (DelayCause.ESTIMATE_PASSED, 2, shipment.pk),
    ]


def test_unallocated_lines_are_announced_as_out_of_stock(order_placed_last_monday):
    line = order_placed_last_monday.lines.first()
    line.allocations.all().delete()
    tuesday = datetime(2026, 11, 17, 10, tzinfo=IST)

    [cause] = actions.detect_order_delays(order_placed_last_monday.pk, now=tuesday)

    assert cause.cause == DelayCause.OUT_OF_STOCK


def test_a_carrier_exception_scan_records_a_delay_as_it_arrives(
    order_placed_last_monday, django_capture_on_commit_callbacks
):
    shipment = shipped(order_placed_last_monday, estimate=date(2026, 12, 30))

    # (a week after the order, well before its estimate)
    with freeze_time(NEXT_MONDAY), django_capture_on_commit_callbacks(execute=True):
        tracking_actions.record_events(
            shipment.pk,
            [
                TrackingEventData(
                    datetime.now(UTC), ShipmentStatus.EXCEPTION, "Adres bulunamadı", "Kadıköy"
                )
            ],
            source="yurtici",
        )

    delay = OrderDelay.objects.get(order=order_placed_last_monday)
    assert [c.cause for c in delay.causes.all()] == [DelayCause.CARRIER_EXCEPTION]


def test_delivery_closes_the_delay(order_placed_last_monday, django_capture_on_commit_callbacks):
    shipment = shipped(order_placed_last_monday, status=ShipmentStatus.DELAYED)
    actions.detect_order_delays(order_placed_last_monday.pk, now=NEXT_MONDAY)

    with django_capture_on_commit_callbacks(execute=True):
        tracking_actions.record_events(
            shipment.pk,
            [TrackingEventData(datetime.now(UTC), ShipmentStatus.DELIVERED, "Teslim edildi")],
            source="yurtici",
        )

    delay = OrderDelay.objects.get(order=order_placed_last_monday)
    assert delay.resolved_at is not None
    assert delay.resolution == "delivered"


def test_the_periodic_scan_finds_late_orders(order_placed_last_monday):
    # (a week after the order was placed: the scan reads the clock)
    with freeze_time(NEXT_MONDAY):
        found = scan_for_delays_task()
        again = scan_for_delays_task()

    assert found == 1
    assert OrderDelay.objects.filter(order=order_placed_last_monday).exists()
    assert again == 0  # nothing new on the second pass
