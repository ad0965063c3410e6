from saleor_tracking_plugin.tracking.statuses import (
    ALLOWED_TRANSITIONS,
    TERMINAL_STATUSES,
    ShipmentStatus,
    can_transition,
    least_advanced,
)

S = ShipmentStatus


def test_every_status_has_a_row_in_the_transition_table():
    assert set(ALLOWED_TRANSITIONS) == set(ShipmentStatus)


def test_every_status_is_reachable_from_pending_through_the_table():
    # given the table, when walking it from a new shipment
    reached, frontier = {S.PENDING}, [S.PENDING]
    while frontier:
        for target in ALLOWED_TRANSITIONS[frontier.pop()]:
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    # then no status is dead vocabulary
    assert reached == set(ShipmentStatus)


def test_delivered_returned_and_cancelled_are_final():
    assert {S.DELIVERED, S.RETURNED, S.CANCELLED} == TERMINAL_STATUSES
    for final in TERMINAL_STATUSES:
        assert not any(can_transition(final, other) for other in ShipmentStatus)


def test_a_delivered_parcel_does_not_go_back_in_transit():
    assert not can_transition(S.DELIVERED, S.IN_TRANSIT)


def test_a_parcel_may_go_out_for_delivery_again_after_a_failed_attempt():
    assert can_transition(S.FAILED_ATTEMPT, S.OUT_FOR_DELIVERY)


def test_a_parcel_on_its_way_back_cannot_be_reported_out_for_delivery():
    assert not can_transition(S.RETURNING_TO_SENDER, S.OUT_FOR_DELIVERY)
    assert can_transition(S.RETURNING_TO_SENDER, S.RETURNED)


def test_a_late_scan_revives_an_expired_number():
    assert can_transition(S.EXPIRED, S.IN_TRANSIT)


def test_repeating_an_active_status_refreshes_it():
    assert can_transition(S.IN_TRANSIT, S.IN_TRANSIT)


def test_order_status_is_its_least_advanced_active_shipment():
    assert least_advanced([S.DELIVERED, S.IN_TRANSIT, S.CANCELLED]) == S.IN_TRANSIT


def test_order_with_only_cancelled_shipments_is_cancelled():
    assert least_advanced([S.CANCELLED]) == S.CANCELLED


def test_order_without_shipments_has_no_status():
    assert least_advanced([]) is None
