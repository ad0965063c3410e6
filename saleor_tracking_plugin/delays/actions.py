"""Every change to delays goes through here: idempotent, one transaction each."""

import logging
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from ..business_days import turkish_holidays
from ..config import Settings, load_settings
from ..money import STAFF_LANGUAGE, format_money
from ..notifications.milestones import MILESTONE_OF_STATUS
from ..pages.rendering import shop_timezone
from ..saleor_glue import cancellations, payments, refunds
from ..saleor_glue.order_lookups import OrderStatus, get_order, order_by_id
from ..saleor_glue.orders import add_timeline_event
from ..tracking.models import Shipment
from ..tracking.statuses import ShipmentStatus
from . import announcements
from .config import delay_settings
from .facts import is_delivered, order_facts
from .models import (
    CallOutcome,
    DelayCall,
    DelayRefund,
    OrderDelay,
    OrderDelayCause,
    RefundStatus,
)
from .rules import DelayChoice, detect_delays, offered_choices

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App

logger = logging.getLogger(__name__)

# Orders in these states are never late: not placed yet, or already over.
NOT_WATCHED_STATUSES = {OrderStatus.DRAFT, OrderStatus.CANCELED, OrderStatus.EXPIRED}

CHOICE_WORDS = {
    DelayChoice.CANCEL: "cancel the order and get a refund",
    DelayChoice.WAIT: "wait for the new delivery date",
    DelayChoice.CHASE: "have the shop follow up with the carrier",
}


class DelayActionError(Exception):
    """The change was refused; `code` says why (Saleor-style error code)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def detect_order_delays(
    order_id: Any, now: datetime | None = None, settings: Settings | None = None
) -> list[OrderDelayCause]:
    """Record every cause that makes the order late now, each once per order.

    Returns the causes seen for the first time; known causes only get their days late
    refreshed. Safe to call any number of times.
    """
    settings = settings or load_settings()
    now = (now or timezone.now()).astimezone(shop_timezone())
    order = order_by_id(order_id)
    if order is None or order.status in NOT_WATCHED_STATUSES:
        return []
    holidays = turkish_holidays(now.year - 1, now.year, now.year + 1)
    found = detect_delays(order_facts(order), settings.typed(delay_settings).policy, now, holidays)
    if not found:
        # Checked today: the periodic scan need not look at it again until tomorrow.
        OrderDelay.objects.filter(order=order, resolved_at__isnull=True).update(checked_at=now)
        return []
    with transaction.atomic():
        delay, _ = OrderDelay.objects.get_or_create(order=order, defaults={"opened_at": now})
        delay = OrderDelay.objects.select_for_update().get(pk=delay.pk)
        known = {cause.cause: cause for cause in delay.causes.all()}
        new_causes = []
        for found_delay in found:
            cause = known.get(found_delay.cause)
            if cause is None:
                new_causes.append(
                    OrderDelayCause.objects.create(
                        delay=delay,
                        cause=found_delay.cause,
                        shipment_id=found_delay.shipment_id,
                        detected_at=now,
                        days_late=found_delay.days_late,
                    )
                )
            elif cause.days_late != found_delay.days_late:
                cause.days_late = found_delay.days_late
                cause.save(update_fields=["days_late"])
        delay.new_estimate = max(found_delay.new_estimate for found_delay in found)
        delay.checked_at = now
        delay.resolved_at = None
        delay.resolution = ""
        delay.save()
        for cause in new_causes:
            add_timeline_event(
                order,
                f"Delay detected: {cause.cause.replace('_', ' ')}, "
                f"{cause.days_late} business days late",
                {"delay_id": delay.pk, "cause": cause.cause, "days_late": cause.days_late},
            )
        if new_causes:
            announcements.announce_delay(delay, new_causes)
    return new_causes


def follow_shipment_change(
    order_id: Any,
    shipment_id: int,
    status: ShipmentStatus,
    occurred_at: datetime | None,
    settings: Settings | None = None,
) -> None:
    """After a parcel's status changed: look for new causes, keep a consenting customer
    informed until delivery, and close the delay once the order is delivered."""
    settings = settings or load_settings()
    if settings.typed(delay_settings).enabled:
        detect_order_delays(order_id, settings=settings)
    with transaction.atomic():
        delay = (
            OrderDelay.objects.select_for_update()
            .select_related("order")
            .filter(order_id=order_id, resolved_at__isnull=True)
            .first()
        )
        shipment = Shipment.objects.filter(pk=shipment_id, status=status).first()
        # Milestones (out for delivery, delivered, problems) are announced to everyone anyway.
        if (
            delay is not None
            and shipment is not None
            and delay.updates_consent
            and delay.choice in (DelayChoice.WAIT, DelayChoice.CHASE)
            and status not in MILESTONE_OF_STATUS
        ):
            announcements.announce_progress(delay, shipment, status, occurred_at)
    resolve_if_over(order_id)


def resolve_if_over(order_id: Any) -> bool:
    """Close the order's open delay once it is delivered or cancelled; True if closed now."""
    with transaction.atomic():
        delay = (
            OrderDelay.objects.select_for_update()
            .select_related("order")
            .filter(order_id=order_id, resolved_at__isnull=True)
            .first()
        )
        if delay is None:
            return False
        if delay.order.status == OrderStatus.CANCELED:
            resolution = "cancelled"
        elif is_delivered(delay.order):
            resolution = "delivered"
        else:
            return False
        delay.resolved_at = timezone.now()
        delay.resolution = resolution
        delay.save(update_fields=["resolved_at", "resolution"])
        add_timeline_event(delay.order, f"Delay closed: order {resolution}", {"delay_id": delay.pk})
    return True


def choose(delay_id: int, choice: DelayChoice, updates_consent: bool) -> OrderDelay:
    """Record what the customer wants done about the delay.

    Cancelling is final and is carried out after commit (Saleor cancels, then refunds).
    Raises DelayActionError when the delay is closed or the choice is not offered.
    """
    from .tasks import cancel_delayed_order_task

    with transaction.atomic():
        delay = OrderDelay.objects.select_for_update().select_related("order").get(pk=delay_id)
        if delay.resolved_at or delay.choice == DelayChoice.CANCEL:
            raise DelayActionError("CLOSED", "This delay is already settled.")
        if choice not in offered_choices(cancellations.can_cancel(delay.order)):
            raise DelayActionError("NOT_OFFERED", "This choice is not available any more.")
        delay.choice = choice
        delay.chosen_at = timezone.now()
        delay.updates_consent = updates_consent and choice != DelayChoice.CANCEL
        delay.save(update_fields=["choice", "chosen_at", "updates_consent"])
        consent = "agreed" if delay.updates_consent else "did not agree"
        add_timeline_event(
            delay.order,
            f"Customer chose to {CHOICE_WORDS[choice]} ({consent} to updates until delivery)",
            {"delay_id": delay.pk, "choice": choice.value, "consent": delay.updates_consent},
        )
        if choice == DelayChoice.CANCEL:
            transaction.on_commit(lambda: cancel_delayed_order_task.delay(delay.pk))
    return delay


def refund_key(delay: OrderDelay) -> str:
    """The idempotency key of the refund of a delayed order."""
    return f"refund:delay:{delay.pk}"


def cancel_and_refund(delay_id: int) -> DelayRefund | None:
    """Carry out a customer's cancellation: cancel in Saleor, then refund what was paid, once.

    The refund's key is committed before Saleor is asked, so a retry (or a crash between the
    two) never refunds twice; a refund left `pending` is for staff to check.
    """
    with transaction.atomic():
        delay = OrderDelay.objects.select_for_update().select_related("order").get(pk=delay_id)
        order = delay.order
        if delay.choice != DelayChoice.CANCEL:
            return None
        already_cancelled = order.status == OrderStatus.CANCELED
        if not already_cancelled and not cancellations.cancel_unshipped_order(
            order, user=order.user
        ):
            add_timeline_event(
                order,
                "The customer asked to cancel after a delay, but part of the order has "
                "shipped: please contact the customer",
                {"delay_id": delay.pk},
            )
            return None
        refund, created = DelayRefund.objects.get_or_create(
            delay=delay,
            defaults={"idempotency_key": refund_key(delay), "status": RefundStatus.PENDING},
        )
    if not created:
        return refund
    return request_refund(refund)


def request_refund(refund: DelayRefund) -> DelayRefund:
    """Ask Saleor to refund what the cancelled order still holds, under the attempt's key
    (the first attempt's is `refund:delay:<id>`, a staff retry's adds `#<attempt>`)."""
    order = get_order(refund.delay.order_id)
    amount = payments.charged_total(order)
    if amount <= 0:
        return finish_refund(refund, RefundStatus.NOTHING_TO_REFUND, amount=Decimal(0))
    key = refund.idempotency_key
    try:
        outcome = refunds.refund_order(
            order,
            amount,
            idempotency_key=key if refund.attempts <= 1 else f"{key}#{refund.attempts}",
            reason="Cancelled by the customer after a delay",
            user=order.user,
            app=None,
        )
    except refunds.RefundUnknown as error:
        # Money may have moved: settled from the payment's records, never asked again.
        logger.warning("Refund of delayed order %s has no answer: %s", order.pk, error)
        return finish_refund(
            refund,
            RefundStatus.UNKNOWN,
            amount=amount,
            currency=order.currency,
            detail=f"payment:{error.payment_id}",
        )
    except refunds.RefundFailed as error:
        logger.warning("Refund of delayed order %s failed: %s", order.pk, error)
        return finish_refund(refund, RefundStatus.FAILED, detail=str(error))
    # A transaction refund is only requested: settled when the payment app reports it.
    status = RefundStatus.SUCCEEDED if outcome.method == refunds.PAYMENT else RefundStatus.REQUESTED
    return finish_refund(
        refund,
        status,
        amount=outcome.amount,
        currency=order.currency,
        detail=", ".join(outcome.references),
    )


def finish_refund(refund: DelayRefund, status: str, **values: Any) -> DelayRefund:
    """Record the refund's new status, on the timeline too; close the delay if it is over."""
    with transaction.atomic():
        refund = (
            DelayRefund.objects.select_for_update().select_related("delay__order").get(pk=refund.pk)
        )
        refund.status = status
        refund.finished_at = timezone.now()
        for name, value in values.items():
            setattr(refund, name, value)
        refund.save()
        amount = (
            f" {format_money(refund.amount, refund.currency, STAFF_LANGUAGE)}"
            if refund.amount
            else ""
        )
        why = f": {refund.detail}" if status == RefundStatus.FAILED and refund.detail else ""
        add_timeline_event(
            refund.delay.order,
            f"Refund after delay cancellation {status.replace('_', ' ')}{amount}{why}",
            {"delay_id": refund.delay_id, "idempotency_key": refund.idempotency_key},
        )
    resolve_if_over(refund.delay.order_id)
    return refund


def log_call(
    delay_id: int,
    outcome: CallOutcome,
    note: str,
    user: "User | None" = None,
    app: "App | None" = None,
) -> DelayCall:
    """Record a phone call staff made about a delay, on the call list and the order timeline."""
    with transaction.atomic():
        delay = OrderDelay.objects.select_related("order").get(pk=delay_id)
        call = DelayCall.objects.create(
            delay=delay, outcome=outcome, note=note, called_by_user=user, called_by_app=app
        )
        add_timeline_event(
            delay.order,
            f"Delay call: {outcome.replace('_', ' ')}" + (f" - {note}" if note else ""),
            {"delay_id": delay.pk, "call_id": call.pk},
            user=user,
            app=app,
        )
    return call
