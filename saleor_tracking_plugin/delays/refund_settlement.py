"""Settling the refund of a cancelled delayed order from Saleor's records.

A refund requested from a payment app (TransactionItem) is `requested` until the app reports
REFUND_SUCCESS or REFUND_FAILURE through Saleor's `transactionEventReport`; one whose gateway
answer was lost is `unknown` until the payment's Transaction rows show the refund. Saleor itself
emails the customer about a refund when it records its success (`order_refunded`).
"""

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet

from ..saleor_glue import refunds
from ..saleor_glue.orders import add_timeline_event
from ..settlement import settle_each
from .actions import DelayActionError, finish_refund, request_refund
from .models import DelayRefund, RefundStatus

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App


OPEN_STATUSES = (RefundStatus.REQUESTED, RefundStatus.UNKNOWN)
# Refunds staff may settle by hand: refused, unknown, waiting for the app, or left by a crash.
SETTLEABLE = (*OPEN_STATUSES, RefundStatus.FAILED, RefundStatus.PENDING)
MAX_REFERENCE_LENGTH = 200


def settle_delay_refund(refund_id: int) -> str:
    """Settle one open delay refund from Saleor's records; its status afterwards."""
    with transaction.atomic():
        refund = DelayRefund.objects.select_for_update().get(pk=refund_id)
        if refund.status not in OPEN_STATUSES:
            return refund.status
        references = [ref.strip() for ref in refund.detail.split(",") if ref.strip()]
        if refund.status == RefundStatus.UNKNOWN:
            payment_id = next(
                (int(ref[8:]) for ref in references if ref.startswith("payment:")), None
            )
            if payment_id is None or refund.amount is None:
                return refund.status
            found = refunds.payment_refund_outcome(payment_id, refund.amount, refund.created_at)
        else:
            found = refunds.transaction_refund_outcome(references)
        if found.status == "pending":
            return refund.status
        if found.status == "succeeded":
            finish_refund(refund, RefundStatus.SUCCEEDED, amount=found.amount)
            return RefundStatus.SUCCEEDED
        # The references stay readable in the timeline entry; the reason is for staff.
        finish_refund(refund, RefundStatus.FAILED, detail=found.reason)
        return RefundStatus.FAILED


def settle_open_delay_refunds() -> dict[str, int]:
    """Settle every open delay refund; counts by resulting status."""
    open_refunds = DelayRefund.objects.filter(status__in=OPEN_STATUSES)
    return settle_each(open_refunds.values_list("pk", flat=True), settle_delay_refund)


def open_requests(order_id) -> QuerySet[DelayRefund]:
    """The order's delay refund, if it waits for the payment app's answer."""
    return DelayRefund.objects.filter(delay__order_id=order_id, status=RefundStatus.REQUESTED)


def settle_order_delay_refunds(order_id) -> None:
    """Saleor changed an order's payments: settle its open delay refund, if any."""
    for refund_id in open_requests(order_id).values_list("pk", flat=True):
        settle_delay_refund(refund_id)


def retry_delay_refund(
    delay_id: int, user: "User | None" = None, app: "App | None" = None
) -> DelayRefund:
    """Staff ask Saleor again after a refused refund, or a lost answer they checked: a new
    attempt under its own key, never while a request to the payment app is still open."""
    refund = _refund_of(delay_id)
    if refund.status == RefundStatus.REQUESTED and (
        settle_delay_refund(refund.pk) == RefundStatus.REQUESTED
    ):
        raise DelayActionError(
            "REFUND_IN_PROGRESS", "The payment app has not answered the open refund request yet."
        )
    with transaction.atomic():
        refund = (
            DelayRefund.objects.select_for_update().select_related("delay__order").get(pk=refund.pk)
        )
        if refund.status not in (RefundStatus.FAILED, RefundStatus.UNKNOWN):
            raise DelayActionError(
                "INVALID_STATUS", f"A refund that is {refund.status} cannot be retried."
            )
        refund.attempts += 1
        refund.status = RefundStatus.PENDING
        refund.save(update_fields=["attempts", "status"])
        add_timeline_event(
            refund.delay.order,
            f"Refund after delay cancellation retried (attempt {refund.attempts})",
            {"delay_id": refund.delay_id, "idempotency_key": refund.idempotency_key},
            user=user,
            app=app,
        )
    return request_refund(refund)


def mark_delay_refund_done(delay_id: int, reference: str, amount: Decimal | None) -> DelayRefund:
    """Staff confirm the money moved outside the plugin's sight (gateway dashboard, bank): the
    refund is recorded with their reference."""
    reference = (reference or "").strip()
    if not reference or len(reference) > MAX_REFERENCE_LENGTH:
        raise DelayActionError("REQUIRED", "Give the refund's reference (up to 200 characters).")
    if amount is not None and (not amount.is_finite() or amount <= 0):
        raise DelayActionError("INVALID_AMOUNT", "Give an amount above 0.")
    refund = _refund_of(delay_id)
    if refund.status not in SETTLEABLE:
        raise DelayActionError("INVALID_STATUS", f"A refund that is {refund.status} is settled.")
    values: dict = {"detail": f"manual:{reference}"}
    if amount is not None:
        values["amount"] = amount
    return finish_refund(refund, RefundStatus.SUCCEEDED, **values)


def _refund_of(delay_id: int) -> DelayRefund:
    refund = DelayRefund.objects.select_related("delay__order").filter(delay_id=delay_id).first()
    if refund is None:
        raise DelayActionError("NO_REFUND", "No refund was started for this delay.")
    return refund
