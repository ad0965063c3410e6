from datetime import UTC, datetime

from saleor_tracking_plugin.tracking.progress import (
    ShipmentState,
    TrackingEventData,
    apply_events,
)
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus as S


def at(hour: int) -> datetime:
    return datetime(2026, 11, 20, hour, 0, tzinfo=UTC)


def event(hour: int, status: S, description: str = "") -> TrackingEventData:
    return TrackingEventData(occurred_at=at(hour), status=status, description=description)


def test_events_move_the_shipment_in_time_order_whatever_their_arrival_order():
    # given a new shipment, when its scans arrive shuffled
    progress = apply_events(
        ShipmentState(status=S.INFO_RECEIVED),
        [event(12, S.OUT_FOR_DELIVERY), event(9, S.IN_TRANSIT)],
        set(),
    )
    # then it ends in the latest scan's status, having passed through both
    assert progress.state.status == S.OUT_FOR_DELIVERY
    assert [change[1] for change in progress.status_changes] == [S.IN_TRANSIT, S.OUT_FOR_DELIVERY]


def test_a_late_older_event_joins_history_without_moving_the_status_back():
    state = ShipmentState(status=S.OUT_FOR_DELIVERY, last_event_at=at(12))
    progress = apply_events(state, [event(9, S.IN_TRANSIT)], set())
    assert progress.state.status == S.OUT_FOR_DELIVERY
    assert len(progress.new_events) == 1
    assert not progress.status_changed


def test_a_known_event_is_not_stored_twice():
    scan = event(9, S.IN_TRANSIT, "Transfer merkezinde")
    progress = apply_events(ShipmentState(status=S.INFO_RECEIVED), [scan, scan], {"other"})
    assert progress.new_events == [scan]
    again = apply_events(progress.state, [scan], {scan.fingerprint()})
    assert again.new_events == []


def test_fingerprint_ignores_whitespace_differences_in_carrier_text():
    a = TrackingEventData(occurred_at=at(9), status=S.IN_TRANSIT, description="Yolda  ")
    b = TrackingEventData(occurred_at=at(9), status=S.IN_TRANSIT, description=" Yolda")
    assert a.fingerprint() == b.fingerprint()


def test_a_newer_scan_not_allowed_by_the_state_machine_does_not_change_a_delivered_parcel():
    state = ShipmentState(status=S.DELIVERED, last_event_at=at(12), delivered_at=at(12))
    progress = apply_events(state, [event(14, S.IN_TRANSIT)], set())
    assert progress.state.status == S.DELIVERED
    assert progress.state.delivered_at == at(12)


def test_delivery_records_when_it_happened_and_the_carrier_detail():
    progress = apply_events(
        ShipmentState(status=S.OUT_FOR_DELIVERY, last_event_at=at(8)),
        [event(15, S.DELIVERED, "Teslim edildi")],
        set(),
    )
    assert progress.state.delivered_at == at(15)
    assert progress.state.status_detail == "Teslim edildi"
    assert progress.state.last_event_at == at(15)
