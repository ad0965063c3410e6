"""Refunds through Saleor: the order's Payment (legacy gateways) or its TransactionItems.

- Payment: Saleor's `gateway.refund`, then `order_refunded` (timeline event, customer email,
  ORDER_REFUNDED webhooks), as Saleor's `orderRefund` mutation does.
- Transactions: a REFUND_REQUEST event per transaction and `request_refund_action`, which asks
  the payment app (TRANSACTION_REFUND_REQUESTED) and writes the order's timeline event, as
  Saleor's `transactionRequestAction` mutation does. The app reports the outcome to Saleor.

The caller owns idempotency (`refund:<return id>` recorded before this is called).
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from saleor.order.actions import order_refunded
from saleor.order.models import Order
from saleor.payment import PaymentError, TransactionEventType, TransactionKind, gateway
from saleor.payment.models import TransactionItem

from .context import plugins_manager

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App


class RefundFailed(Exception):
    """Saleor or the payment provider refused the refund; nothing was refunded."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class RefundOutcome:
    """What Saleor recorded: the amount and references to its payment records."""

    amount: Decimal
    method: str  # "payment" or "transaction"
    references: list[str]


def refund_order(
    order: Order,
    amount: Decimal,
    *,
    idempotency_key: str,
    reason: str,
    user: "User | None",
    app: "App | None",
) -> RefundOutcome:
    """Refund `amount` of the order to the way it was paid; raises RefundFailed.

    For transactions, `idempotency_key` goes on Saleor's refund request event, which Saleor keeps
    unique per transaction: a request already made with this key is not made again.
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
    if transaction.kind != TransactionKind.REFUND or not transaction.is_success:
        raise RefundFailed("PAYMENT_ERROR", transaction.error or "The gateway refused.")
    payment.refresh_from_db()
    order_refunded(order, user, app, amount, payment, manager)
    return RefundOutcome(amount, "payment", [f"payment-transaction:{transaction.pk}"])


def _request_transaction_refunds(order, transactions, amount, key, reason, user, app):
    available = sum((t.charged_value for t in transactions), Decimal(0))
    if available < amount:
        raise RefundFailed(
            "AMOUNT_TOO_HIGH", f"Only {available} was charged; cannot refund {amount}."
        )
    manager = plugins_manager()
    remaining = amount
    references: list[str] = []
    for transaction in transactions:
        if remaining <= 0:
            break
        value = min(remaining, transaction.charged_value)
        request_event = transaction.events.filter(idempotency_key=key).first()
        if request_event is None:
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
        references.append(f"transaction-event:{request_event.pk}")
        remaining -= request_event.amount_value
    return RefundOutcome(amount - remaining, "transaction", references)
