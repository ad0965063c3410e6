"""Delay detection rules: which causes apply, how late, and what new date to promise."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from saleor_tracking_plugin.business_days import turkish_holidays
from saleor_tracking_plugin.delays.rules import (
    DelayCause,
    DelayChoice,
    DelayPolicy,
    OrderFacts,
    ShipmentFacts,
    detect_delays,
    new_estimate,
    offered_choices,
)
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus as S

IST = ZoneInfo("Europe/Istanbul")
HOLIDAYS = turkish_holidays(2026)
POLICY = DelayPolicy(handling_business_days=2, no_scan_hours=72, wait_extra_business_days=3)
MONDAY_NOON = datetime(2026, 11, 16, 12, tzinfo=IST)


def unshipped_order(placed_at=MONDAY_NOON, short=0) -> OrderFacts:
    return OrderFacts(placed_at=placed_at, has_unshipped_lines=True, lines_short_of_stock=short)


def shipped_order(**shipment) -> OrderFacts:
    facts = {"shipment_id": 7, "status": S.IN_TRANSIT, "shipped_at": MONDAY_NOON, **shipment}
    return OrderFacts(
        placed_at=MONDAY_NOON, has_unshipped_lines=False, shipments=(ShipmentFacts(**facts),)
    )


def causes(delays) -> list[DelayCause]:
    return [delay.cause for delay in delays]


def test_an_order_within_its_handling_time_is_not_late():
    # placed Monday, two business days to ship: Wednesday is still in time
    wednesday = datetime(2026, 11, 18, 18, tzinfo=IST)

    assert detect_delays(unshipped_order(), POLICY, wednesday, HOLIDAYS) == []


def test_an_order_not_shipped_after_its_handling_time_is_late_by_business_days():
    next_monday = datetime(2026, 11, 23, 9, tzinfo=IST)

    [delay] = detect_delays(unshipped_order(), POLICY, next_monday, HOLIDAYS)

    assert delay.cause == DelayCause.NOT_SHIPPED
    assert delay.days_late == 3  # Thursday, Friday, Monday
    assert delay.new_estimate == date(2026, 11, 26)  # three business days from Monday


def test_handling_time_does_not_run_on_public_holidays():
    # placed Tuesday 27 October; Thursday 29 October is Republic Day
    tuesday = datetime(2026, 10, 27, 10, tzinfo=IST)
    friday = datetime(2026, 10, 30, 10, tzinfo=IST)

    assert detect_delays(unshipped_order(placed_at=tuesday), POLICY, friday, HOLIDAYS) == []


def test_the_order_date_is_taken_in_the_shop_time_zone():
    # 22:30 UTC on Sunday is already Monday 01:30 in Istanbul
    sunday_night_utc = datetime(2026, 11, 15, 22, 30, tzinfo=ZoneInfo("UTC"))
    thursday = datetime(2026, 11, 19, 9, tzinfo=IST)

    [delay] = detect_delays(unshipped_order(placed_at=sunday_night_utc), POLICY, thursday, HOLIDAYS)

    assert delay.days_late == 1


def test_lines_short_of_stock_are_announced_before_the_deadline():
    tuesday = datetime(2026, 11, 17, 9, tzinfo=IST)

    [delay] = detect_delays(unshipped_order(short=1), POLICY, tuesday, HOLIDAYS)

    assert delay.cause == DelayCause.OUT_OF_STOCK
    assert delay.days_late == 0


def test_a_carrier_delay_is_a_delay_even_before_the_estimate():
    tuesday = datetime(2026, 11, 17, 9, tzinfo=IST)
    facts = shipped_order(
        status=S.DELAYED, last_event_at=tuesday, estimated_delivery=date(2026, 11, 19)
    )

    [delay] = detect_delays(facts, POLICY, tuesday, HOLIDAYS)

    assert delay.cause == DelayCause.CARRIER_DELAY
    assert delay.shipment_id == 7
    assert delay.days_late == 0
    assert delay.new_estimate == date(2026, 11, 19)  # the carrier's date is still ahead


def test_exceptions_and_returns_to_sender_are_carrier_exceptions():
    tuesday = datetime(2026, 11, 17, 9, tzinfo=IST)
    for status in (S.EXCEPTION, S.RETURNING_TO_SENDER):
        facts = shipped_order(status=status, last_event_at=tuesday)

        assert causes(detect_delays(facts, POLICY, tuesday, HOLIDAYS)) == [
            DelayCause.CARRIER_EXCEPTION
        ]


def test_a_failed_attempt_alone_is_not_a_delay_but_a_passed_estimate_is():
    tuesday = datetime(2026, 11, 17, 9, tzinfo=IST)
    facts = shipped_order(
        status=S.FAILED_ATTEMPT, last_event_at=tuesday, estimated_delivery=date(2026, 11, 17)
    )

    assert detect_delays(facts, POLICY, tuesday, HOLIDAYS) == []
    later = datetime(2026, 11, 18, 12, tzinfo=IST)
    assert causes(detect_delays(facts, POLICY, later, HOLIDAYS)) == [DelayCause.ESTIMATE_PASSED]


def test_no_scan_for_longer_than_allowed_is_a_delay():
    last_scan = datetime(2026, 11, 16, 9, tzinfo=IST)
    facts = shipped_order(last_event_at=last_scan)

    assert detect_delays(facts, POLICY, last_scan + timedelta(hours=71), HOLIDAYS) == []
    [delay] = detect_delays(facts, POLICY, last_scan + timedelta(days=4, hours=1), HOLIDAYS)
    assert delay.cause == DelayCause.NO_SCAN
    assert delay.days_late == 4


def test_a_parcel_never_scanned_counts_from_when_it_was_shipped():
    facts = shipped_order(status=S.INFO_RECEIVED)

    delays = detect_delays(facts, POLICY, MONDAY_NOON + timedelta(days=3, hours=1), HOLIDAYS)

    assert causes(delays) == [DelayCause.NO_SCAN]


def test_an_estimate_passed_by_business_days_is_a_delay():
    friday = date(2026, 11, 20)
    facts = shipped_order(
        last_event_at=datetime(2026, 11, 22, 9, tzinfo=IST), estimated_delivery=friday
    )

    # the weekend after a Friday estimate is not late yet
    assert detect_delays(facts, POLICY, datetime(2026, 11, 22, 12, tzinfo=IST), HOLIDAYS) == []
    [delay] = detect_delays(facts, POLICY, datetime(2026, 11, 24, 12, tzinfo=IST), HOLIDAYS)
    assert delay.cause == DelayCause.ESTIMATE_PASSED
    assert delay.days_late == 2
    assert delay.new_estimate == date(2026, 11, 27)


def test_delivered_or_cancelled_parcels_are_never_late():
    long_after = MONDAY_NOON + timedelta(days=30)
    for status in (S.DELIVERED, S.CANCELLED, S.RETURNED):
        facts = shipped_order(status=status, estimated_delivery=date(2026, 11, 18))

        assert detect_delays(facts, POLICY, long_after, HOLIDAYS) == []


def test_several_causes_are_reported_once_each_with_the_latest_parcel():
    now = datetime(2026, 11, 25, 12, tzinfo=IST)
    old_scan = datetime(2026, 11, 17, 9, tzinfo=IST)
    facts = OrderFacts(
        placed_at=MONDAY_NOON,
        has_unshipped_lines=False,
        shipments=(
            ShipmentFacts(1, S.DELAYED, MONDAY_NOON, old_scan, date(2026, 11, 23)),
            ShipmentFacts(2, S.DELAYED, MONDAY_NOON, old_scan, date(2026, 11, 19)),
        ),
    )

    delays = detect_delays(facts, POLICY, now, HOLIDAYS)

    assert causes(delays) == [
        DelayCause.CARRIER_DELAY,
        DelayCause.NO_SCAN,
        DelayCause.ESTIMATE_PASSED,
    ]
    assert delays[0].shipment_id == 2 and delays[0].days_late == 4


def test_new_estimate_keeps_a_future_carrier_date_and_replaces_a_past_one():
    monday = date(2026, 11, 23)

    assert new_estimate(date(2026, 11, 30), monday, POLICY, HOLIDAYS) == date(2026, 11, 30)
    assert new_estimate(date(2026, 11, 20), monday, POLICY, HOLIDAYS) == date(2026, 11, 26)
    assert new_estimate(None, monday, POLICY, HOLIDAYS) == date(2026, 11, 26)


def test_cancelling_is_offered_only_while_the_order_can_be_cancelled():
    assert offered_choices(True) == [DelayChoice.CANCEL, DelayChoice.WAIT, DelayChoice.CHASE]
    assert offered_choices(False) == [DelayChoice.WAIT, DelayChoice.CHASE]
