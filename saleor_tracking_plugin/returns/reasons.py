"""Return reasons, resolutions and inspection outcomes (pure: no Django)."""

from enum import StrEnum


class ReturnReason(StrEnum):
    SIZE = "size"
    DAMAGED = "damaged"
    DEFECTIVE = "defective"
    WRONG_ITEM = "wrong_item"
    NOT_AS_DESCRIBED = "not_as_described"
    CHANGED_MIND = "changed_mind"
    OTHER = "other"


class Resolution(StrEnum):
    REFUND = "refund"
    STORE_CREDIT = "store_credit"


class InspectionOutcome(StrEnum):
    RESELLABLE = "resellable"
    DEFECTIVE = "defective"
    DAMAGED = "damaged"
    MISSING = "missing"


def goes_back_to_stock(outcome: InspectionOutcome) -> bool:
    """Only resellable items are restocked: defective, damaged or missing ones never are."""
    return outcome == InspectionOutcome.RESELLABLE


def came_back(outcome: InspectionOutcome) -> bool:
    """The item arrived in the parcel (whatever its state), so Saleor records it as returned."""
    return outcome != InspectionOutcome.MISSING


def is_refunded(outcome: InspectionOutcome) -> bool:
    """Items that arrived are refunded; an item missing from the parcel is not."""
    return came_back(outcome)
