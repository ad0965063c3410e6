"""Settling the refund of a cancelled delayed order from Saleor's records.

A refund requested from a payment app (TransactionItem) is `requested` until the app reports
REFUND_SUCCESS or REFUND_FAILURE through Saleor's `transactionEventReport`; one whose gateway
answer was lost is `unknown` until the payment's Transaction rows show the refund. Saleor itself
emails the customer about a refund when it records its success (`order_refunded`).
"""

from django.db import transaction

from ..saleor_glue import refunds
from .actions import finish_refund
from .models import DelayRefund, RefundStatus

OPEN_STATUSES = (RefundStatus.REQUESTED, RefundStatus.UNKNOWN)


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
    counts: dict[str, int] = {}
    for refund_id in DelayRefund.objects.filter(status__in=OPEN_STATUSES).values_list(
        "pk", flat=True
    ):
        status = settle_delay_refund(refund_id)
        counts[status] = counts.get(status, 0) + 1
    return counts


def has_open_requests(order_id) -> bool:
    """Whether the order's delay refund waits for the payment app's answer."""
    return DelayRefund.objects.filter(
        delay__order_id=order_id, status=RefundStatus.REQUESTED
    ).exists()


def settle_order_delay_refunds(order_id) -> None:
    """Saleor changed an order's payments: settle its open delay refund, if any."""
    for refund_id in DelayRefund.objects.filter(
        delay__order_id=order_id, status=RefundStatus.REQUESTED
    ).values_list("pk", flat=True):
        settle_delay_refund(refund_id)
