"""Refunding an inspected return exactly once, and settling it from Saleor's records.

Money is not a refund until Saleor says it moved. A refund through a Payment is done when the
gateway answers; one through a TransactionItem is a *request* (the return is `refund_requested`)
until the payment app reports REFUND_SUCCESS with Saleor's `transactionEventReport`. A gateway
whose answer was lost leaves the refund `unknown`, settled from the payment's Transaction rows,
never by asking again. Staff settle what Saleor cannot: mark it done with a reference, or retry.
"""

from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from ..money import STAFF_LANGUAGE, format_money
from ..saleor_glue import giftcards, payments, refunds
from ..saleor_glue import returns as saleor_returns
from ..saleor_glue.order_joins import order_with_channel
from ..settlement import settle_each
from .errors import ReturnError
from .models import RefundStatus, Return, ReturnRefund
from .reasons import Resolution
from .statuses import ReturnStatus
from .steps import Actor, check, locked, member, move, timeline

# Refunds Saleor's records may still settle; the reconciliation task looks at these.
OPEN_REFUND_STATUSES = (RefundStatus.REQUESTED, RefundStatus.UNKNOWN, RefundStatus.PENDING)
# A refund `pending` longer than this lost its worker between recording its key and asking
# Saleor (or Saleor's answer): the reconciliation looks for what Saleor recorded under the key.
STALE_PENDING = timedelta(minutes=15)
MAX_REFERENCE_LENGTH = 200


def refund_key(ret: Return) -> str:
    """The idempotency key of a return's refund, recorded before Saleor is asked."""
    return f"refund:{ret.pk}"


def resolve_return(ret: Return, actor: Actor, resolution: str | None = None) -> ReturnRefund:
    """Refund the inspected return, or issue store credit, exactly once.

    The idempotency key `refund:<return id>` is committed before Saleor is called; a repeated
    call, a retry or a double click finds it and never refunds a second time.
    """
    chosen = (
        member(Resolution, resolution, "resolution", "INVALID_RESOLUTION") if resolution else None
    )
    record = _claim_refund(ret, chosen)
    if record.status == RefundStatus.SUCCEEDED:
        return record
    return _ask_saleor(record, actor)


def _claim_refund(ret: Return, resolution: Resolution | None) -> ReturnRefund:
    """Record the refund under its key before anything is paid out (own committed transaction)."""
    key = refund_key(ret)
    with transaction.atomic():
        ret = locked(ret)
        existing = ReturnRefund.objects.select_for_update().filter(idempotency_key=key).first()
        if existing is not None and existing.status == RefundStatus.SUCCEEDED:
            return existing
        if existing is not None and existing.status in (
            RefundStatus.PENDING,
            RefundStatus.REQUESTED,
        ):
            raise ReturnError("REFUND_IN_PROGRESS", "This refund is already being made.")
        if existing is not None and existing.status == RefundStatus.UNKNOWN:
            raise ReturnError(
                "REFUND_UNKNOWN",
                "The gateway's answer was lost: check the payment, then settle the refund "
                "(mark it done, or retry).",
            )
        check(ret, ReturnStatus.REFUNDED)
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
                        requested_amount=ret.refund_amount,
                        currency=ret.currency or ret.order.currency,
                        attempts=1,
                        attempt_started_at=timezone.now(),
                    )
            except IntegrityError:
                raise ReturnError(
                    "REFUND_IN_PROGRESS", "This refund is already being made."
                ) from None
        else:  # a failed attempt may be retried
            _restart(existing, chosen)
    return existing


def _restart(record: ReturnRefund, resolution: Resolution) -> None:
    record.status = RefundStatus.PENDING
    record.resolution = resolution
    record.attempts += 1
    record.attempt_started_at = timezone.now()
    record.error = ""
    record.save(
        update_fields=[
            "status",
            "resolution",
            "attempts",
            "attempt_started_at",
            "error",
            "updated_at",
        ]
    )


def _ask_saleor(record: ReturnRefund, actor: Actor) -> ReturnRefund:
    ret = Return.objects.select_related(order_with_channel(), "saleor_fulfillment").get(
        pk=record.return_request_id
    )
    # A failed attempt may have refunded part (one of several transactions): ask the rest.
    already = ret.refunded_amount or Decimal(0)
    asked = (record.requested_amount or record.amount) - already
    if record.resolution == Resolution.STORE_CREDIT:
        gift_card = giftcards.issue_store_credit(
            ret.order, asked, user=actor.user, app=actor.app, note=f"Return {ret.rma}"
        )
        return _complete(record, asked, f"gift-card:{gift_card.pk}", actor, gift_card=gift_card)
    try:
        outcome = refunds.refund_order(
            ret.order,
            asked,
            # Per attempt: a refused attempt may be retried, an accepted one never repeats.
            idempotency_key=f"{record.idempotency_key}#{record.attempts}",
            reason=f"Return {ret.rma}",
            user=actor.user,
            app=actor.app,
        )
    except refunds.RefundUnknown as error:
        _save(
            record, RefundStatus.UNKNOWN, error=str(error), reference=f"payment:{error.payment_id}"
        )
        timeline(
            ret,
            f"Refund of return {ret.rma}: no answer from the payment gateway ({error}). "
            "It is settled from the payment's records; do not refund it again by hand.",
            actor,
        )
        raise ReturnError(error.code, str(error)) from error
    except refunds.RefundFailed as error:
        _save(record, RefundStatus.FAILED, error=str(error))
        timeline(ret, f"Refund of return {ret.rma} failed: {error}", actor)
        raise ReturnError(error.code, str(error)) from error
    reference = ",".join(outcome.references)
    if outcome.method == refunds.PAYMENT:
        return _complete(record, outcome.amount, reference, actor)
    return _requested(record, outcome.amount, already, reference, actor)


def _save(record: ReturnRefund, status: str, *, error: str = "", reference: str = "") -> None:
    changes = {"status": status, "error": error, "updated_at": timezone.now()}
    if reference:
        changes["saleor_reference"] = reference
    ReturnRefund.objects.filter(pk=record.pk).update(**changes)


def _locked_pair(record: ReturnRefund) -> tuple[Return, ReturnRefund]:
    """The refund's return, then the refund, locked in the order `resolve_return`'s claim
    takes them: concurrent steps wait for one another instead of deadlocking."""
    ret = (
        Return.objects.select_for_update(of=("self",))
        .select_related("order", "saleor_fulfillment")
        .get(pk=record.return_request_id)
    )
    return ret, ReturnRefund.objects.select_for_update().get(pk=record.pk)


def _staff_money(amount: Decimal, record: ReturnRefund) -> str:
    """An amount for the staff timeline, with its currency's decimals (Babel)."""
    return format_money(amount, record.currency, STAFF_LANGUAGE)


def _shortfall_note(record: ReturnRefund, amount: Decimal) -> str:
    asked = record.requested_amount or record.amount
    if amount >= asked:
        return ""
    return (
        f" (less than the {_staff_money(asked, record)} owed: only "
        f"{_staff_money(amount, record)} was captured; "
        f"{_staff_money(asked - amount, record)} not refunded)"
    )


def _requested(
    record: ReturnRefund, amount: Decimal, already: Decimal, reference: str, actor: Actor
):
    """The payment app was asked: the return waits for Saleor's record of the outcome."""
    with transaction.atomic():
        ret, record = _locked_pair(record)
        if record.status != RefundStatus.PENDING:
            return record
        record.status = RefundStatus.REQUESTED
        record.amount = amount
        record.saleor_reference = reference
        record.save()
        move(
            ret,
            ReturnStatus.REFUND_REQUESTED,
            f"Return {ret.rma}: refund of {_staff_money(amount, record)} requested from the "
            f"payment app{_shortfall_note(record, already + amount)}",
            actor,
        )
    return record


def _complete(
    record: ReturnRefund, amount: Decimal, reference: str, actor: Actor | None, gift_card=None
) -> ReturnRefund:
    """Saleor recorded the money as moved (or staff confirmed it): tell everyone."""
    with transaction.atomic():
        ret, record = _locked_pair(record)
        if record.status == RefundStatus.SUCCEEDED:
            return record  # settled meanwhile (Saleor's hook and the reconciliation race)
        # What moved now, plus what an earlier, partly failed attempt moved.
        amount += ret.refunded_amount or Decimal(0)
        record.status = RefundStatus.SUCCEEDED
        record.saleor_reference = reference[:255]
        record.amount = amount
        record.error = ""
        record.save()
        ret.gift_card = gift_card or ret.gift_card
        ret.refunded_amount = amount
        ret.resolved_at = timezone.now()
        ret.save(update_fields=["gift_card", "refunded_amount", "resolved_at", "updated_at"])
        if ret.saleor_fulfillment_id and record.resolution == Resolution.REFUND:
            saleor_returns.mark_return_refunded(ret.saleor_fulfillment, amount)
        if record.resolution == Resolution.STORE_CREDIT:
            target, message = ReturnStatus.CREDITED, f"store credit {_staff_money(amount, record)}"
        else:
            target, message = ReturnStatus.REFUNDED, f"refunded {_staff_money(amount, record)}"
        move(ret, target, f"Return {ret.rma} {message}{_shortfall_note(record, amount)}", actor)
    return record


def settle_refund(record_id: int) -> str:
    """Settle one open refund from Saleor's payment and transaction records; its new status.

    REQUESTED: the payment app's REFUND_SUCCESS completes it, REFUND_FAILURE returns the return
    to staff (inspected, refund failed with the app's reason, retryable). UNKNOWN: a successful
    refund in the payment's records completes it; otherwise it waits for staff. A stale PENDING
    whose request Saleor recorded becomes REQUESTED.
    """
    record = ReturnRefund.objects.get(pk=record_id)
    references = [ref for ref in record.saleor_reference.split(",") if ref]
    if record.status == RefundStatus.PENDING:
        return _settle_stale_pending(record)
    if record.status == RefundStatus.UNKNOWN:
        payment_id = next((int(r[8:]) for r in references if r.startswith("payment:")), None)
        if payment_id is None or record.attempt_started_at is None:
            return record.status
        found = refunds.payment_refund_outcome(payment_id, record.amount, record.attempt_started_at)
        if found.status == "succeeded":
            _complete(record, found.amount, ",".join(found.references), None)
            return RefundStatus.SUCCEEDED
        return record.status
    if record.status != RefundStatus.REQUESTED:
        return record.status
    found = refunds.transaction_refund_outcome(references)
    if found.status == "succeeded":
        _complete(record, found.amount, record.saleor_reference, None)
        return RefundStatus.SUCCEEDED
    if found.status == "failed":
        _fail_request(record, found.reason, found.amount)
        return RefundStatus.FAILED
    return record.status


def _settle_stale_pending(record: ReturnRefund) -> str:
    started = record.attempt_started_at or record.created_at
    if timezone.now() - started < STALE_PENDING:
        return record.status
    key = f"{record.idempotency_key}#{record.attempts}"
    references = refunds.requests_with_key(record.return_request.order_id, key)
    if references:
        with transaction.atomic():
            ReturnRefund.objects.filter(pk=record.pk, status=RefundStatus.PENDING).update(
                status=RefundStatus.REQUESTED,
                saleor_reference=",".join(references),
                updated_at=timezone.now(),
            )
        return settle_refund(record.pk)
    payment_id = payments.last_payment_id(record.return_request.order_id)
    if record.resolution == Resolution.REFUND and payment_id is not None:
        # The gateway may have been asked when the worker stopped: read, never ask again.
        _save(
            record,
            RefundStatus.UNKNOWN,
            error="The refund stopped while the gateway was being asked.",
            reference=f"payment:{payment_id}",
        )
        timeline(
            record.return_request,
            f"Refund of return {record.return_request.rma} stopped midway: its outcome is "
            "settled from the payment's records; do not refund it again by hand.",
        )
        return settle_refund(record.pk)
    if record.resolution == Resolution.REFUND:
        # No request under the attempt's key: the payment app was never asked.
        _save(record, RefundStatus.FAILED, error="The refund stopped before Saleor was asked.")
        return RefundStatus.FAILED
    return record.status


def _fail_request(record: ReturnRefund, reason: str, refunded: Decimal) -> None:
    with transaction.atomic():
        ret, record = _locked_pair(record)
        if record.status != RefundStatus.REQUESTED:
            return
        record.status = RefundStatus.FAILED
        record.error = reason or "The payment app reported a failure."
        record.save(update_fields=["status", "error", "updated_at"])
        part = f" ({_staff_money(refunded, record)} of it was refunded)" if refunded else ""
        if refunded:
            ret.refunded_amount = (ret.refunded_amount or Decimal(0)) + refunded
            ret.save(update_fields=["refunded_amount", "updated_at"])
        move(
            ret,
            ReturnStatus.INSPECTED,
            f"Refund of return {ret.rma} failed at the payment app: {record.error}{part}. "
            "Retry it or settle it by hand.",
        )


def settle_open_refunds() -> dict[str, int]:
    """The reconciliation: settle every open refund from Saleor's records; counts by outcome."""
    open_records = ReturnRefund.objects.filter(status__in=OPEN_REFUND_STATUSES)
    return settle_each(open_records.values_list("pk", flat=True), settle_refund)


def open_requests(order_id) -> QuerySet[ReturnRefund]:
    """Refunds of the order's returns waiting for the payment app's answer."""
    return ReturnRefund.objects.filter(
        return_request__order_id=order_id, status=RefundStatus.REQUESTED
    )


def settle_order_refunds(order_id) -> None:
    """Saleor changed an order's payments: settle the open refunds of its returns."""
    for record_id in open_requests(order_id).values_list("pk", flat=True):
        settle_refund(record_id)


def mark_refund_done(ret: Return, actor: Actor, reference: str, amount: Decimal | None) -> Return:
    """Staff confirm the money moved outside the plugin's sight (e.g. in the gateway's own
    dashboard): the refund is recorded with their reference and the customer is told."""
    reference = (reference or "").strip()
    if not reference:
        raise ReturnError("REQUIRED", "Give the refund's reference.", "reference")
    if len(reference) > MAX_REFERENCE_LENGTH:
        raise ReturnError("INVALID", "The reference is too long.", "reference")
    record = _open_record(ret)
    already = Return.objects.get(pk=ret.pk).refunded_amount or Decimal(0)
    owed = (record.requested_amount or record.amount) - already
    if amount is not None and (not amount.is_finite() or amount <= 0 or amount > owed):
        raise ReturnError("INVALID_AMOUNT", f"Give an amount above 0 and at most {owed}.", "amount")
    _complete(record, amount if amount is not None else owed, f"manual:{reference}", actor)
    return Return.objects.get(pk=ret.pk)


def retry_refund(ret: Return, actor: Actor) -> Return:
    """Staff ask Saleor again after a failure or a lost answer they checked: a new attempt
    under the same key, never while a request to the payment app is still open."""
    record = _open_record(ret)
    if (
        record.status == RefundStatus.REQUESTED
        and settle_refund(record.pk) == RefundStatus.REQUESTED
    ):
        raise ReturnError(
            "REFUND_IN_PROGRESS", "The payment app has not answered the open refund request yet."
        )
    references = [ref for ref in record.saleor_reference.split(",") if ref]
    if refunds.open_requests(references):
        raise ReturnError("REFUND_IN_PROGRESS", "A refund request is still open.")
    with transaction.atomic():
        record = ReturnRefund.objects.select_for_update().get(pk=record.pk)
        if record.status == RefundStatus.SUCCEEDED:
            return Return.objects.get(pk=ret.pk)
        if record.status == RefundStatus.PENDING:
            raise ReturnError("REFUND_IN_PROGRESS", "This refund is already being made.")
        _restart(record, Resolution(record.resolution))
    _ask_saleor(record, actor)
    return Return.objects.get(pk=ret.pk)


def _open_record(ret: Return) -> ReturnRefund:
    record = ReturnRefund.objects.filter(idempotency_key=refund_key(ret)).first()
    if record is None:
        raise ReturnError("NO_REFUND", "No refund of this return was started.")
    if record.status == RefundStatus.SUCCEEDED:
        raise ReturnError("ALREADY_REFUNDED", "This refund is already settled.")
    return record


def close_return(ret: Return, actor: Actor, reason: str) -> Return:
    """Close, without refund, a return whose items all went missing (lost on the way back, or
    none found in the parcel), saying why."""
    reason = (reason or "").strip()
    if not reason:
        raise ReturnError("REQUIRED", "Say why the return is closed.", "reason")
    with transaction.atomic():
        ret = locked(ret)
        check(ret, ReturnStatus.CLOSED)
        if ret.status == ReturnStatus.INSPECTED and ret.refund_amount:
            raise ReturnError(
                "ITEMS_ARRIVED", "Items of this return arrived: refund them instead.", "id"
            )
        ret.close_reason = reason
        ret.resolved_at = timezone.now()
        ret.save(update_fields=["close_reason", "resolved_at", "updated_at"])
        move(ret, ReturnStatus.CLOSED, f"Return {ret.rma} closed: {reason}", actor)
    return ret
