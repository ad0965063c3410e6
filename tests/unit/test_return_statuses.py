"""The return state machine is one table; these tests walk it."""

from decimal import Decimal
from itertools import pairwise

import pytest

from saleor_tracking_plugin.returns.amounts import refund_value, requested_value
from saleor_tracking_plugin.returns.reasons import (
    InspectionOutcome,
    came_back,
    goes_back_to_stock,
)
from saleor_tracking_plugin.returns.statuses import (
    OPEN_STATUSES,
    TRANSITIONS,
    ReturnStatus,
    can_transition,
    is_final,
)

S = ReturnStatus

HAPPY_PATHS = [
    [S.REQUESTED, S.APPROVED, S.SHIPPED_BACK, S.RECEIVED, S.INSPECTED, S.REFUNDED],
    [S.REQUESTED, S.APPROVED, S.RECEIVED, S.INSPECTED, S.CREDITED],
    [S.REQUESTED, S.REJECTED],
    [S.REQUESTED, S.CANCELLED],
    [S.REQUESTED, S.APPROVED, S.CANCELLED],
]


@pytest.mark.parametrize("path", HAPPY_PATHS)
def test_every_step_of_a_real_return_is_allowed(path):
    for current, target in pairwise(path):
        assert can_transition(current, target), (current, target)


def test_every_status_is_in_the_table():
    assert set(TRANSITIONS) == set(ReturnStatus)


@pytest.mark.parametrize("final", [S.REJECTED, S.CANCELLED, S.REFUNDED, S.CREDITED])
def test_finished_returns_never_move_again(final):
    assert is_final(final)
    assert not any(can_transition(final, target) for target in ReturnStatus)


def test_a_parcel_on_its_way_back_cannot_be_cancelled():
    assert not can_transition(S.SHIPPED_BACK, S.CANCELLED)
    assert not can_transition(S.RECEIVED, S.CANCELLED)


def test_nothing_is_refunded_before_inspection():
    for status in (S.REQUESTED, S.APPROVED, S.SHIPPED_BACK, S.RECEIVED):
        assert not can_transition(status, S.REFUNDED)
        assert not can_transition(status, S.CREDITED)


def test_only_uninspected_returns_hold_items_back_from_new_requests():
    assert {S.REQUESTED, S.APPROVED, S.SHIPPED_BACK, S.RECEIVED} == OPEN_STATUSES


def test_only_resellable_items_go_back_to_stock():
    restocked = {o for o in InspectionOutcome if goes_back_to_stock(o)}
    assert restocked == {InspectionOutcome.RESELLABLE}


def test_missing_items_are_neither_returned_nor_refunded():
    assert not came_back(InspectionOutcome.MISSING)
    value = refund_value(
        [
            (Decimal(10), 1, InspectionOutcome.RESELLABLE),
            (Decimal(20), 2, InspectionOutcome.DEFECTIVE),
            (Decimal(5), 1, InspectionOutcome.DAMAGED),
            (Decimal(99), 1, InspectionOutcome.MISSING),
        ]
    )
    assert value == Decimal(55)


def test_the_requested_value_is_price_times_quantity():
    assert requested_value([(Decimal("10.50"), 2), (Decimal(3), 1)]) == Decimal(24)
