"""Refunds through Saleor: the order's Payment (legacy gateways) or its TransactionItems.

- Payment: Saleor's `gateway.refund`, then `order_refunded` (timeline event, customer email,
  ORDER_REFUNDED webhooks), as Saleor's `orderRefund` mutation does. Saleor's legacy gateway API
  (3.21–3.23) takes no idempotency key; the caller's key is recorded before the call, and an
  answer lost on the way (timeout, connection reset) is UNKNOWN, settled later by reading the
  payment's Transaction rows (`payment_refund_outcome`), never by asking again.
- Transactions: a REFUND_REQUEST event per transaction, carrying the caller's idempotency key
  (Saleor keeps it unique per transaction), and `request_refund_action`, which asks the payment
  app (TRANSACTION_REFUND_REQUESTED) and writes the order's timeline event, as Saleor's
  `transactionRequestAction` mutation does. A request is not a refund: the app reports the
  outcome with `transactionEventReport` (REFUND_SUCCESS or REFUND_FAILURE), read back with
  `transaction_refund_outcome`.

Both ways refund at most what was taken: a smaller amount than asked comes back as the outcome's
`amount`, never as the amount asked.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from saleor.order.actions import order_refunded
from saleor.order.models import Order
from saleor.payment import PaymentError, TransactionEventType, TransactionKind, gateway
from saleor.payment.models import Transaction, TransactionEvent, TransactionItem

from .context import plugins_manager

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App

PAYMENT = "payment"
TRANSACTION = "transaction"
REQUEST_PREFIX = "transaction-event:"
PAYMENT_PREFIX = "payment-transaction:"

# What a gateway raises when the answer was lost on the way: the provider may have refunded.
# (`requests` and `urllib3` errors derive from OSError; Saleor's gateway catches only its own
# PaymentError and GatewayError, so these reach us unchanged.)
LOST_ANSWER_ERRORS: tuple[type[BaseException], ...] = (TimeoutError, ConnectionError, OSError)


class RefundFailed(Exception):
    """Saleor or the payment provider refused the refund; nothing was refunded."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class RefundUnknown(Exception):
    """The gateway's answer was lost: money may have moved. Never retry blindly."""

    def __init__(self, message: str, payment_id: int):
        super().__init__(message)
        self.code = "REFUND_UNKNOWN"
        self.payment_id = payment_id


@dataclass(frozen=True)
class RefundOutcome:
    """What Saleor recorded: the amount and references to its payment records.

    For transactions `amount` is what was *requested*; the money moves once the payment app
    reports success (`transaction_refund_outcome`).
    """

    amount: Decimal
    method: str  # PAYMENT or TRANSACTION
    references: list[str]


@dataclass(frozen=True)
class Settlement:
    """What Saleor's records say about an earlier refund: `status` is "pending" (nothing yet),
    "succeeded" or "failed"; `amount` is what Saleor recorded as refunded."""

    status: str
    amount: Decimal
    references: list[str]
    reason: str = ""


def refund_order(
    order: Order,
    amount: Decimal,
    *,
    idempotency_key: str,
    reason: str,
    user: "User | None",
    app: "App | None",
) -> RefundOutcome:
    """Refund up to `amount` of the order to the way it was paid.

    Raises RefundFailed (nothing moved) or RefundUnknown (a gateway answer was lost).
    """
    if amount <= 0:
        raise RefundFailed("INVALID_AMOUNT", "Nothing to refund.")
    transactions = list(
        TransactionItem.objects.filter(order_id=order.pk, charged_value__gt=0).order_by("pk")
    )
    if transactions:
        return _request_transaction_refunds(
            order, transactions, amount, idempotency_key, reason, user, app
        )
    payment = order.get_last_payment()
    if payment is not None and payment.can_refund():
        return _refund_payment(order, payment, amount, user, app)
    raise RefundFailed("NO_REFUNDABLE_PAYMENT", "The order has no charged payment to refund.")


def _refund_payment(order, payment, amount, user, app) -> RefundOutcome:
    amount = min(amount, payment.captured_amount)
    manager = plugins_manager()
    try:
        transaction = gateway.refund(
            payment, manager, amount=amount, channel_slug=order.channel.slug
        )
    except PaymentError as error:
        raise RefundFailed("PAYMENT_ERROR", str(error)) from error
    except LOST_ANSWER_ERRORS as error:
        raise RefundUnknown(f"No answer from the gateway: {error!r}", payment.pk) from error
    if transaction.kind != TransactionKind.REFUND or not transaction.is_success:
        raise RefundFailed("PAYMENT_ERROR", transaction.error or "The gateway refused.")
    payment.refresh_from_db()
    order_refunded(order, user, app, amount, payment, manager)
    return RefundOutcome(amount, PAYMENT, [f"{PAYMENT_PREFIX}{transaction.pk}"])


def refundable_amount(transaction: TransactionItem) -> Decimal:
    """What may still be asked of a transaction: charged, minus refunds already requested."""
    return max(Decimal(0), transaction.charged_value - transaction.refund_pending_value)


def _request_transaction_refunds(order, transactions, amount, key, reason, user, app):
    manager = plugins_manager()
    remaining = amount
    references: list[str] = []
    for transaction in transactions:
        if remaining <= 0:
            break
        request_event = transaction.events.filter(idempotency_key=key).first()
        if request_event is None:
            value = min(remaining, refundable_amount(transaction))
            if value <= 0:
                continue
            # The same REFUND_REQUEST event Saleor's transactionRequestAction records.
            request_event = transaction.events.create(
                type=TransactionEventType.REFUND_REQUEST,
                amount_value=value,
                currency=transaction.currency,
                user=user,
                app=app,
                app_identifier=app.identifier if app else None,
                idempotency_key=key,
                message=reason,
            )
            try:
                gateway.request_refund_action(
                    transaction=transaction,
                    manager=manager,
                    refund_value=value,
                    request_event=request_event,
                    channel_slug=order.channel.slug,
                    user=user,
                    app=app,
                )
            except PaymentError as error:
                if references:
                    # Earlier transactions were asked already: report what was, not a failure.
                    break
                raise RefundFailed("PAYMENT_ERROR", str(error)) from error
        references.append(f"{REQUEST_PREFIX}{request_event.pk}")
        remaining -= request_event.amount_value
    if not references:
        raise RefundFailed(
            "NO_REFUNDABLE_PAYMENT", "The order has no charged money left to refund."
        )
    return RefundOutcome(amount - remaining, TRANSACTION, references)


def requests_with_key(order_id, key: str) -> list[str]:
    """References of the refund requests recorded on the order's transactions under `key`."""
    return [
        f"{REQUEST_PREFIX}{pk}"
        for pk in TransactionEvent.objects.filter(
            transaction__order_id=order_id,
            type=TransactionEventType.REFUND_REQUEST,
            idempotency_key=key,
        ).values_list("pk", flat=True)
    ]


def transaction_refund_outcome(references: list[str]) -> Settlement:
    """Read from Saleor's transaction events what became of our refund requests.

    A request is paired with the REFUND_SUCCESS or REFUND_FAILURE event the payment app reported
    with the request's PSP reference (Saleor's own pairing); when the request has none yet, with
    the first unpaired outcome of the same amount reported after it.
    """
    request_ids = [int(ref[len(REQUEST_PREFIX) :]) for ref in references if _is_request(ref)]
    requests = list(TransactionEvent.objects.filter(pk__in=request_ids).order_by("pk"))
    succeeded, failed, pending = Decimal(0), [], False
    outcome_refs: list[str] = []
    for request in requests:
        outcome = _outcome_of(request)
        if outcome is None:
            pending = True
        elif outcome.type == TransactionEventType.REFUND_SUCCESS:
            succeeded += outcome.amount_value
            outcome_refs.append(f"{REQUEST_PREFIX}{outcome.pk}")
        else:
            failed.append(outcome.message or "The payment app reported a failure.")
    if pending:
        return Settlement("pending", succeeded, outcome_refs)
    if failed:
        return Settlement("failed", succeeded, outcome_refs, "; ".join(failed))
    return Settlement("succeeded", succeeded, outcome_refs)


def open_requests(references: list[str]) -> int:
    """How many of these refund requests have no outcome yet."""
    request_ids = [int(ref[len(REQUEST_PREFIX) :]) for ref in references if _is_request(ref)]
    return sum(
        1
        for request in TransactionEvent.objects.filter(pk__in=request_ids)
        if _outcome_of(request) is None
    )


def _is_request(reference: str) -> bool:
    return reference.startswith(REQUEST_PREFIX) and reference[len(REQUEST_PREFIX) :].isdigit()


OUTCOME_TYPES = (TransactionEventType.REFUND_SUCCESS, TransactionEventType.REFUND_FAILURE)


def _outcome_of(request: TransactionEvent) -> TransactionEvent | None:
    events = TransactionEvent.objects.filter(transaction_id=request.transaction_id)
    if request.psp_reference:
        return (
            events.filter(type__in=OUTCOME_TYPES, psp_reference=request.psp_reference)
            .order_by("-pk")
            .first()
        )
    # Outcomes that belong to a request by its PSP reference are not ours to pair.
    claimed_refs = set(
        events.filter(type=TransactionEventType.REFUND_REQUEST)
        .exclude(psp_reference=None)
        .exclude(psp_reference="")
        .values_list("psp_reference", flat=True)
    )
    outcomes = [
        event
        for event in events.filter(type__in=OUTCOME_TYPES).order_by("pk")
        if event.psp_reference not in claimed_refs
    ]
    # Requests without a reference, oldest first, each take the first free outcome of the same
    # amount reported after them.
    taken: set[int] = set()
    for earlier in events.filter(
        type=TransactionEventType.REFUND_REQUEST, psp_reference=None, pk__lte=request.pk
    ).order_by("pk"):
        match = next(
            (
                event
                for event in outcomes
                if event.pk > earlier.pk
                and event.pk not in taken
                and event.amount_value == earlier.amount_value
            ),
            None,
        )
        if match is not None:
            taken.add(match.pk)
        if earlier.pk == request.pk:
            return match
    return None


def payment_refund_outcome(payment_id: int, amount: Decimal, since: datetime) -> Settlement:
    """Read the payment's Transaction rows: did a refund of `amount` succeed since `since`?

    Used for a gateway call whose answer was lost; the gateway's own notifications write these
    rows. Without one the outcome stays pending (for staff), never "failed".
    """
    refund = (
        Transaction.objects.filter(
            payment_id=payment_id,
            kind=TransactionKind.REFUND,
            is_success=True,
            created_at__gte=since,
            amount=amount,
        )
        .order_by("pk")
        .first()
    )
    if refund is None:
        return Settlement("pending", Decimal(0), [])
    return Settlement("succeeded", refund.amount, [f"{PAYMENT_PREFIX}{refund.pk}"])
