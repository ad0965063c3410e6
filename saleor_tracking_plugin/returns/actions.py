"""Every change to returns goes through here: one transaction each, refusals change nothing.

The steps follow `statuses.TRANSITIONS`; Saleor records the outcome (returned fulfillment,
restock, refund or gift card) through `saleor_glue`, and every step is told to the customer.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone
from saleor.order.models import Order

from ..carriers.base import normalize_tracking_number
from ..carriers.registry import detect_carrier, get_carrier
from ..config import Settings, load_settings
from ..saleor_glue import giftcards, refunds
from ..saleor_glue import returns as saleor_returns
from ..saleor_glue.orders import add_timeline_event
from ..saleor_glue.stock import restock
from ..tracking.models import Shipment, ShipmentKind
from ..tracking.statuses import ShipmentStatus
from .amounts import refund_value, requested_value
from .eligibility import order_eligibility
from .errors import ReturnError
from .models import RefundStatus, Return, ReturnLine, ReturnRefund
from .notices import announce
from .policy import ReturnPolicy, ShippingPayer, from_settings
from .reasons import InspectionOutcome, Resolution, ReturnReason, came_back, goes_back_to_stock
from .statuses import AWAITING_PARCEL, ReturnStatus, can_transition

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App

MAX_COMMENT_LENGTH = 2000


@dataclass(frozen=True)
class Actor:
    """Who takes a step: a customer or staff user, an app, or a guest (both None)."""

    user: "User | None" = None
    app: "App | None" = None


def policy(settings: Settings | None = None) -> ReturnPolicy:
    """The merchant's return policy as currently saved."""
    return (settings or load_settings()).typed(from_settings)


def request_return(
    order: Order,
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
    reason_value = _member(ReturnReason, reason, "reason", "INVALID_REASON")
    if reason_value not in rules.reasons:
        raise ReturnError("INVALID_REASON", f"Reason {reason} is not offered.", "reason")
    resolution_value = _member(Resolution, resolution, "resolution", "INVALID_RESOLUTION")
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
        order = Order.objects.select_for_update().get(pk=order.pk)
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
        _timeline(ret, f"Return {ret.rma} requested ({reason_value}, {value} {order.currency})")
        announce(ret, None, ReturnStatus.REQUESTED)
        if rules.is_auto_approved(value):
            ret.auto_approved = True
            _move(ret, ReturnStatus.APPROVED, f"Return {ret.rma} approved automatically")
            ret.decided_at = timezone.now()
            ret.save(update_fields=["auto_approved", "decided_at", "updated_at"])
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
        ret = _locked(ret)
        _check(ret, decision)
        ret.decided_at = timezone.now()
        ret.decision_note = note
        ret.save(update_fields=["decided_at", "decision_note", "updated_at"])
        message = f"Return {ret.rma} {decision.value}" + (f": {note}" if note else "")
        _move(ret, decision, message, actor)
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
            _move(ret, ReturnStatus.SHIPPED_BACK, f"Return {ret.rma} shipped: {label} {number}")
        else:
            _timeline(ret, f"Return {ret.rma} tracking number changed: {label} {number}", actor)
    return ret


def mark_received(ret: Return, actor: Actor) -> Return:
    """The parcel arrived at the warehouse."""
    with transaction.atomic():
        ret = _step(ret, ReturnStatus.RECEIVED, "Return {rma} received", actor)
        ret.received_at = timezone.now()
        ret.save(update_fields=["received_at", "updated_at"])
    return ret


def inspect_return(ret: Return, outcomes: dict[int, str], actor: Actor) -> Return:
    """Record what arrived and in which state, then let Saleor take the items back.

    `outcomes` maps each return line's ID to an InspectionOutcome. Items that arrived go into
    Saleor's RETURNED fulfillment; only resellable ones go back into stock.
    """
    parsed = {
        line_id: _member(InspectionOutcome, outcome, "lines", "INVALID_OUTCOME")
        for line_id, outcome in outcomes.items()
    }
    with transaction.atomic():
        ret = _locked(ret)
        _check(ret, ReturnStatus.INSPECTED)
        lines = list(ret.lines.select_related("order_line__variant"))
        if set(parsed) != {line.pk for line in lines}:
            raise ReturnError("LINES_MISMATCH", "Inspect every line of the return once.", "lines")
        for line in lines:
            line.outcome = parsed[line.pk]
        arrived = [line for line in lines if came_back(InspectionOutcome(line.outcome))]
        if arrived:
            try:
                fulfillment, returned = saleor_returns.return_items(
                    ret.order,
                    [(line.order_line, line.quantity) for line in arrived],
                    reason=f"Return {ret.rma}: {ret.reason}",
                    user=actor.user,
                    app=actor.app,
                )
            except saleor_returns.NotEnoughFulfilled as error:
                # Someone returned or cancelled these items in Saleor meanwhile.
                raise ReturnError("NOT_ENOUGH_FULFILLED", str(error), "lines") from error
            ret.saleor_fulfillment = fulfillment
            _restock(lines, returned)
        ReturnLine.objects.bulk_update(lines, ["outcome", "restocked_quantity"])
        ret.refund_amount = refund_value(
            (
                line.order_line.unit_price_gross_amount,
                line.quantity,
                InspectionOutcome(line.outcome),
            )
            for line in lines
        )
        ret.inspected_at = timezone.now()
        ret.save(update_fields=["saleor_fulfillment", "refund_amount", "inspected_at"])
        summary = ", ".join(
            f"{line.quantity}× {line.order_line.product_sku or line.order_line.product_name}: "
            f"{line.outcome}{' (restocked)' if line.restocked_quantity else ''}"
            for line in lines
        )
        _move(ret, ReturnStatus.INSPECTED, f"Return {ret.rma} inspected: {summary}", actor)
    return ret


def _restock(lines: list[ReturnLine], returned: list) -> None:
    resellable = {
        line.order_line_id: line
        for line in lines
        if goes_back_to_stock(InspectionOutcome(line.outcome))
    }
    for items in returned:
        line = resellable.get(items.order_line.pk)
        if (
            line is not None
            and items.warehouse is not None
            and restock(items.order_line, items.warehouse, items.quantity)
        ):
            line.restocked_quantity += items.quantity


def resolve_return(ret: Return, actor: Actor, resolution: str | None = None) -> ReturnRefund:
    """Refund the inspected return, or issue store credit, exactly once.

    The idempotency key `refund:<return id>` is committed before Saleor is called; a repeated
    call, a retry or a double click finds it and never refunds a second time.
    """
    chosen = (
        _member(Resolution, resolution, "resolution", "INVALID_RESOLUTION") if resolution else None
    )
    record = _claim_refund(ret, chosen)
    if record.status == RefundStatus.SUCCEEDED:
        return record
    ret = Return.objects.select_related("order__channel", "saleor_fulfillment").get(pk=ret.pk)
    order = ret.order
    try:
        if record.resolution == Resolution.STORE_CREDIT:
            gift_card = giftcards.issue_store_credit(
                order, record.amount, user=actor.user, app=actor.app, note=f"Return {ret.rma}"
            )
            reference, amount = f"gift-card:{gift_card.pk}", record.amount
        else:
            outcome = refunds.refund_order(
                order,
                record.amount,
                # Per attempt: a refused attempt may be retried, an accepted one never repeats.
                idempotency_key=f"{record.idempotency_key}#{record.attempts}",
                reason=f"Return {ret.rma}",
                user=actor.user,
                app=actor.app,
            )
            gift_card, reference, amount = None, ",".join(outcome.references), outcome.amount
    except refunds.RefundFailed as error:
        ReturnRefund.objects.filter(pk=record.pk).update(
            status=RefundStatus.FAILED, error=str(error), updated_at=timezone.now()
        )
        add_timeline_event(order, f"Refund of return {ret.rma} failed: {error}", user=actor.user)
        raise ReturnError(error.code, str(error)) from error
    with transaction.atomic():
        # The return first, then its refund: the order `_claim_refund` locks them in, so a
        # concurrent claim waits instead of deadlocking.
        ret = _locked(ret)
        record = ReturnRefund.objects.select_for_update().get(pk=record.pk)
        record.status = RefundStatus.SUCCEEDED
        record.saleor_reference = reference
        record.amount = amount
        record.error = ""
        record.save()
        ret.gift_card = gift_card
        ret.refund_amount = amount
        ret.resolved_at = timezone.now()
        ret.save(update_fields=["gift_card", "refund_amount", "resolved_at", "updated_at"])
        if ret.saleor_fulfillment_id and record.resolution == Resolution.REFUND:
            saleor_returns.mark_return_refunded(ret.saleor_fulfillment, amount)
        if record.resolution == Resolution.STORE_CREDIT:
            target, message = ReturnStatus.CREDITED, f"store credit {amount} {record.currency}"
        else:
            target, message = ReturnStatus.REFUNDED, f"refunded {amount} {record.currency}"
        _move(ret, target, f"Return {ret.rma} {message}", actor)
    return record


def _claim_refund(ret: Return, resolution: Resolution | None) -> ReturnRefund:
    """Record the refund under its key before anything is paid out (own committed transaction)."""
    key = f"refund:{ret.pk}"
    with transaction.atomic():
        ret = _locked(ret)
        existing = ReturnRefund.objects.select_for_update().filter(idempotency_key=key).first()
        if existing is not None and existing.status == RefundStatus.SUCCEEDED:
            return existing
        if existing is not None and existing.status == RefundStatus.PENDING:
            raise ReturnError("REFUND_IN_PROGRESS", "This refund is already being made.")
        _check(ret, ReturnStatus.REFUNDED)
        if not ret.refund_amount:
            raise ReturnError("NOTHING_TO_REFUND", "No returned item is refundable.")
        chosen = resolution or Resolution(ret.resolution)
        if existing is None:
            try:
                with transaction.atomic():
                    existing = ReturnRefund.objects.create(
                        idempotency_key=key,
                        return_request=ret,
                        resolution=chosen,
                        amount=ret.refund_amount,
                        currency=ret.currency or ret.order.currency,
                        attempts=1,
                    )
            except IntegrityError:
                raise ReturnError(
                    "REFUND_IN_PROGRESS", "This refund is already being made."
                ) from None
        else:  # a failed attempt may be retried
            existing.status = RefundStatus.PENDING
            existing.resolution = chosen
            existing.attempts += 1
            existing.save(update_fields=["status", "resolution", "attempts", "updated_at"])
    return existing


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
            _timeline(
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
        ret = _locked(ret)
        _check(ret, target)
        _move(ret, target, message.format(rma=ret.rma), actor)
    return ret


def _move(ret: Return, target: ReturnStatus, message: str, actor: Actor | None = None) -> None:
    previous = ReturnStatus(ret.status)
    ret.status = target
    ret.save(update_fields=["status", "updated_at"])
    _timeline(ret, message, actor)
    announce(ret, previous, target)


def _check(ret: Return, target: ReturnStatus) -> None:
    if not can_transition(ReturnStatus(ret.status), target):
        raise ReturnError(
            "INVALID_STATUS", f"A return that is {ret.status} cannot become {target.value}."
        )


def _locked(ret: Return) -> Return:
    return Return.objects.select_for_update().select_related("order").get(pk=ret.pk)


def _timeline(ret: Return, message: str, actor: Actor | None = None) -> None:
    actor = actor or Actor()
    add_timeline_event(
        ret.order,
        message,
        {"return_id": ret.pk, "rma": ret.rma, "status": ret.status},
        user=actor.user,
        app=actor.app,
    )


def _next_rma(order: Order) -> str:
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


def _member(enum, value, field: str, code: str):
    try:
        return enum(str(value).lower())
    except ValueError:
        raise ReturnError(code, f"Unknown {field} value {value}.", field) from None


def _refusal_text(line_rules) -> str:
    return {
        "ORDER_CANCELLED": "The order was cancelled.",
        "NOT_FULFILLED": "The item has not been shipped yet.",
        "WINDOW_CLOSED": "The return window has closed.",
        "NON_RETURNABLE_PRODUCT": "This product cannot be returned.",
        "ALREADY_REQUESTED": "These items are already in a return.",
    }[line_rules.refusal.value]
