"""Every change to returns goes through here: one transaction each, refusals change nothing.

The steps follow `statuses.TRANSITIONS`; Saleor records the outcome (returned fulfillment,
restock, refund or gift card) through `saleor_glue`, and every step is told to the customer.
"""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from ..carriers.base import normalize_tracking_number
from ..carriers.registry import detect_carrier, get_carrier
from ..config import Settings, load_settings
from ..money import STAFF_LANGUAGE, format_money
from ..saleor_glue import returns as saleor_returns
from ..saleor_glue.order_joins import line_with_variant
from ..saleor_glue.order_lookups import lock_order
from ..saleor_glue.stock import restock
from ..tracking.models import Shipment, ShipmentKind
from ..tracking.statuses import ShipmentStatus
from .amounts import refund_value, requested_value
from .eligibility import order_eligibility
from .errors import ReturnError
from .models import Return, ReturnLine
from .notices import announce
from .policy import ReturnPolicy, ShippingPayer, from_settings
from .reasons import InspectionOutcome, Resolution, ReturnReason, came_back, goes_back_to_stock
from .statuses import AWAITING_PARCEL, ReturnStatus
from .steps import Actor, check, locked, member, move, timeline

if TYPE_CHECKING:
    from saleor.order.models import Order

    pass

MAX_COMMENT_LENGTH = 2000


def policy(settings: Settings | None = None) -> ReturnPolicy:
    """The merchant's return policy as currently saved."""
    return (settings or load_settings()).typed(from_settings)


def request_return(
    order: "Order",
    lines: list[tuple[UUID, int]],
    *,
    reason: str,
    resolution: str,
    comment: str = "",
    actor: Actor,
    now: datetime | None = None,
    settings: Settings | None = None,
) -> Return:
    """Open a return of `(order line ID, quantity)` pairs, approved at once if the policy says so.

    Raises ReturnError for anything the policy refuses; a refused request creates nothing.
    """
    rules = policy(settings)
    now = now or timezone.now()
    reason_value = member(ReturnReason, reason, "reason", "INVALID_REASON")
    if reason_value not in rules.reasons:
        raise ReturnError("INVALID_REASON", f"Reason {reason} is not offered.", "reason")
    resolution_value = member(Resolution, resolution, "resolution", "INVALID_RESOLUTION")
    if resolution_value not in rules.resolutions:
        raise ReturnError(
            "INVALID_RESOLUTION", f"Resolution {resolution} is not offered.", "resolution"
        )
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT_LENGTH:
        raise ReturnError("INVALID", "The comment is too long.", "comment")
    wanted = _merge_lines(lines)

    with transaction.atomic():
        # One request at a time per order: two requests cannot both take the same items.
        order = lock_order(order.pk)
        eligibility = order_eligibility(order, rules, now)
        for line_id, quantity in wanted.items():
            if line_id not in eligibility:
                raise ReturnError("LINE_NOT_IN_ORDER", "The line is not in this order.", "lines")
            _line, line_rules = eligibility[line_id]
            if line_rules.refusal is not None:
                raise ReturnError(line_rules.refusal.value, _refusal_text(line_rules), "lines")
            if quantity > line_rules.returnable_quantity:
                raise ReturnError(
                    "QUANTITY_TOO_HIGH",
                    f"At most {line_rules.returnable_quantity} of this line can be returned.",
                    "lines",
                )
        value = requested_value(
            (eligibility[line_id][0].unit_price_gross_amount, quantity)
            for line_id, quantity in wanted.items()
        )
        ret = Return.objects.create(
            order=order,
            rma=_next_rma(order),
            reason=reason_value,
            resolution=resolution_value,
            comment=comment,
            customer_pays_shipping=rules.shipping_payer(reason_value) == ShippingPayer.CUSTOMER,
            requested_by_user=actor.user,
            requested_as_guest=actor.user is None and actor.app is None,
            currency=order.currency,
        )
        ReturnLine.objects.bulk_create(
            ReturnLine(return_request=ret, order_line_id=line_id, quantity=quantity)
            for line_id, quantity in wanted.items()
        )
        worth = format_money(value, order.currency, STAFF_LANGUAGE)
        timeline(ret, f"Return {ret.rma} requested ({reason_value}, {worth})")
        ret.auto_approved = rules.is_auto_approved(value)
        # One message either way: `return_requested`, which says "approved" too when it was
        # approved at once (README: Returns), so no `return_approved` follows it.
        announce(ret, None, ReturnStatus.REQUESTED)
        if ret.auto_approved:
            ret.decided_at = timezone.now()
            ret.save(update_fields=["auto_approved", "decided_at", "updated_at"])
            move(
                ret,
                ReturnStatus.APPROVED,
                f"Return {ret.rma} approved automatically",
                tell_customer=False,
            )
    return ret


def cancel_return(ret: Return, actor: Actor) -> Return:
    """The customer withdraws the request; only before the parcel is on its way back."""
    return _step(ret, ReturnStatus.CANCELLED, "Return {rma} cancelled by the customer", actor)


def approve_return(ret: Return, actor: Actor, note: str = "") -> Return:
    """Staff accept the request: the customer may send the parcel."""
    return _decide(ret, ReturnStatus.APPROVED, actor, note.strip())


def reject_return(ret: Return, actor: Actor, reason: str) -> Return:
    """Staff refuse the request, saying why (the customer is told the reason)."""
    reason = (reason or "").strip()
    if not reason:
        raise ReturnError("REQUIRED", "Say why the return is rejected.", "reason")
    return _decide(ret, ReturnStatus.REJECTED, actor, reason)


def _decide(ret: Return, decision: ReturnStatus, actor: Actor, note: str) -> Return:
    with transaction.atomic():
        ret = locked(ret)
        check(ret, decision)
        ret.decided_at = timezone.now()
        ret.decision_note = note
        ret.save(update_fields=["decided_at", "decision_note", "updated_at"])
        message = f"Return {ret.rma} {decision.value}" + (f": {note}" if note else "")
        move(ret, decision, message, actor)
    return ret


def set_return_tracking(
    ret: Return, tracking_number: str, carrier: str | None, actor: Actor
) -> Return:
    """The customer shipped the parcel: it is tracked like any shipment, kind `return`."""
    number = normalize_tracking_number(tracking_number or "")
    if not number:
        raise ReturnError("REQUIRED", "Enter the tracking number.", "trackingNumber")
    chosen = get_carrier(carrier) if carrier else None
    if carrier and chosen is None:
        raise ReturnError("UNKNOWN_CARRIER", f"Unknown carrier {carrier}.", "carrier")
    if Shipment.objects.filter(
        order_id=ret.order_id, kind=ShipmentKind.OUTBOUND, tracking_number=number
    ).exists():
        # Customers copy the number from the shipped message: tracked as the return parcel,
        # that parcel's delivery to them would count as the return delivered back.
        raise ReturnError(
            "OUTBOUND_TRACKING_NUMBER",
            "This is the number of the parcel sent to the customer; enter the return parcel's.",
            "trackingNumber",
        )
    rules = policy()
    chosen = chosen or detect_carrier(number) or get_carrier(rules.return_carrier or "")
    with transaction.atomic():
        ret = Return.objects.select_for_update().select_related("order").get(pk=ret.pk)
        if ret.status not in AWAITING_PARCEL:
            raise ReturnError(
                "INVALID_STATUS", f"A return that is {ret.status} takes no tracking number."
            )
        shipment = ret.return_shipment or Shipment(order=ret.order, kind=ShipmentKind.RETURN)
        shipment.tracking_number = number
        shipment.carrier_code = chosen.code if chosen else ""
        shipment.status = ShipmentStatus.INFO_RECEIVED
        shipment.save()
        ret.return_shipment = shipment
        ret.save(update_fields=["return_shipment", "updated_at"])
        label = chosen.name if chosen else "unknown carrier"
        if ret.status == ReturnStatus.APPROVED:
            move(ret, ReturnStatus.SHIPPED_BACK, f"Return {ret.rma} shipped: {label} {number}")
        else:
            timeline(ret, f"Return {ret.rma} tracking number changed: {label} {number}", actor)
    return ret


def mark_received(ret: Return, actor: Actor) -> Return:
    """The parcel arrived at the warehouse."""
    with transaction.atomic():
        ret = _step(ret, ReturnStatus.RECEIVED, "Return {rma} received", actor)
        ret.received_at = timezone.now()
        ret.save(update_fields=["received_at", "updated_at"])
    return ret


def inspect_return(ret: Return, outcomes: dict[int, str | dict[str, int]], actor: Actor) -> Return:
    """Record what arrived and in which state, then let Saleor take the items back.

    `outcomes` maps each return line's ID to an InspectionOutcome for all its items, or to
    `{outcome: quantity}` splitting them (2 returned: 1 resellable, 1 damaged), the quantities
    adding up to the line's. Items that arrived go into Saleor's RETURNED fulfillment; only
    resellable ones go back into stock; missing ones are not refunded.
    """
    parsed = {line_id: _outcome_quantities(value) for line_id, value in outcomes.items()}
    with transaction.atomic():
        ret = locked(ret)
        check(ret, ReturnStatus.INSPECTED)
        lines = list(ret.lines.select_related(line_with_variant()))
        if set(parsed) != {line.pk for line in lines}:
            raise ReturnError("LINES_MISMATCH", "Inspect every line of the return once.", "lines")
        for line in lines:
            split = {
                outcome: quantity or line.quantity for outcome, quantity in parsed[line.pk].items()
            }
            if sum(split.values()) != line.quantity:
                raise ReturnError(
                    "QUANTITY_MISMATCH",
                    f"The outcomes of a line must add up to its {line.quantity} items.",
                    "lines",
                )
            line.outcome_quantities = {outcome.value: n for outcome, n in split.items()}
            line.outcome = next(iter(split)).value if len(split) == 1 else ""
        arrived = [(line, _count(line, came_back)) for line in lines]
        arrived = [(line, quantity) for line, quantity in arrived if quantity]
        if arrived:
            try:
                fulfillment, returned = saleor_returns.return_items(
                    ret.order,
                    [(line.order_line, quantity) for line, quantity in arrived],
                    reason=f"Return {ret.rma}: {ret.reason}",
                    user=actor.user,
                    app=actor.app,
                )
            except saleor_returns.NotEnoughFulfilled as error:
                # Someone returned or cancelled these items in Saleor meanwhile.
                raise ReturnError("NOT_ENOUGH_FULFILLED", str(error), "lines") from error
            ret.saleor_fulfillment = fulfillment
            _restock(lines, returned)
        ReturnLine.objects.bulk_update(
            lines, ["outcome", "outcome_quantities", "restocked_quantity"]
        )
        ret.refund_amount = refund_value(
            (line.order_line.unit_price_gross_amount, quantity, InspectionOutcome(outcome))
            for line in lines
            for outcome, quantity in line.outcome_quantities.items()
        )
        ret.inspected_at = timezone.now()
        ret.save(update_fields=["saleor_fulfillment", "refund_amount", "inspected_at"])
        summary = ", ".join(_line_summary(line) for line in lines)
        move(ret, ReturnStatus.INSPECTED, f"Return {ret.rma} inspected: {summary}", actor)
    return ret


def _outcome_quantities(value: str | dict[str, int]) -> dict[InspectionOutcome, int]:
    """One outcome for all items (quantity 0: the whole line), or a split by outcome."""
    if isinstance(value, str):
        return {member(InspectionOutcome, value, "lines", "INVALID_OUTCOME"): 0}
    split: dict[InspectionOutcome, int] = {}
    for name, quantity in value.items():
        outcome = member(InspectionOutcome, name, "lines", "INVALID_OUTCOME")
        if quantity <= 0:
            raise ReturnError("INVALID_QUANTITY", "Quantities must be positive.", "lines")
        split[outcome] = split.get(outcome, 0) + quantity
    if not split:
        raise ReturnError("REQUIRED", "Give each line an outcome.", "lines")
    return split


def _count(line: ReturnLine, rule) -> int:
    return sum(
        n for outcome, n in line.outcome_quantities.items() if rule(InspectionOutcome(outcome))
    )


def _line_summary(line: ReturnLine) -> str:
    name = line.order_line.product_sku or line.order_line.product_name
    outcomes = ", ".join(f"{n} {outcome}" for outcome, n in line.outcome_quantities.items())
    restocked = f" ({line.restocked_quantity} restocked)" if line.restocked_quantity else ""
    return f"{line.quantity}× {name}: {outcomes}{restocked}"


def _restock(lines: list[ReturnLine], returned: list) -> None:
    """Put back the resellable items of each line, from the warehouses they were shipped from."""
    resellable = {line.order_line_id: line for line in lines}
    left = {line.order_line_id: _count(line, goes_back_to_stock) for line in lines}
    for items in returned:
        line = resellable.get(items.order_line.pk)
        quantity = min(left.get(items.order_line.pk, 0), items.quantity)
        if (
            line is not None
            and quantity
            and items.warehouse is not None
            and restock(items.order_line, items.warehouse, quantity)
        ):
            line.restocked_quantity += quantity
            left[items.order_line.pk] -= quantity


def flag_overdue_requests(now: datetime | None = None, settings: Settings | None = None) -> int:
    """Flag to staff, once, requests waiting longer than the policy's decision time."""
    rules = policy(settings)
    cutoff = (now or timezone.now()) - timedelta(hours=rules.decision_hours)
    flagged = 0
    for ret_id in Return.objects.filter(
        status=ReturnStatus.REQUESTED, created_at__lt=cutoff, overdue_flagged_at=None
    ).values_list("pk", flat=True):
        with transaction.atomic():
            ret = Return.objects.select_for_update().select_related("order").get(pk=ret_id)
            if ret.status != ReturnStatus.REQUESTED or ret.overdue_flagged_at:
                continue
            ret.overdue_flagged_at = timezone.now()
            ret.save(update_fields=["overdue_flagged_at", "updated_at"])
            timeline(
                ret,
                f"Return {ret.rma} is waiting for a decision for over {rules.decision_hours} "
                "hours: decide within 48 hours of the request",
            )
            flagged += 1
    return flagged


def is_overdue(ret: Return, now: datetime, decision_hours: int) -> bool:
    """A request still waiting for a decision after the policy's decision time."""
    return ret.status == ReturnStatus.REQUESTED and ret.created_at < now - timedelta(
        hours=decision_hours
    )


def _step(ret: Return, target: ReturnStatus, message: str, actor: Actor) -> Return:
    with transaction.atomic():
        ret = locked(ret)
        check(ret, target)
        move(ret, target, message.format(rma=ret.rma), actor)
    return ret


def _next_rma(order: "Order") -> str:
    # Called with the order row locked, so two requests cannot draw the same number.
    return f"R{order.number}-{Return.objects.filter(order=order).count() + 1}"


def _merge_lines(lines: list[tuple[UUID, int]]) -> dict[UUID, int]:
    if not lines:
        raise ReturnError("REQUIRED", "Choose at least one item to return.", "lines")
    merged: dict[UUID, int] = {}
    for line_id, quantity in lines:
        if quantity <= 0:
            raise ReturnError("INVALID_QUANTITY", "Quantities must be positive.", "lines")
        merged[line_id] = merged.get(line_id, 0) + quantity
    return merged


def _refusal_text(line_rules) -> str:
    return {
        "ORDER_CANCELLED": "The order was cancelled.",
        "NOT_FULFILLED": "The item has not been shipped yet.",
        "WINDOW_CLOSED": "The return window has closed.",
        "NON_RETURNABLE_PRODUCT": "This product cannot be returned.",
        "ALREADY_REQUESTED": "These items are already in a return.",
    }[line_rules.refusal.value]
