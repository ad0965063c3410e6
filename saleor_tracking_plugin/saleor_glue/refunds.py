"""Refunding what a customer paid for an order, through Saleor's own payment actions.

Saleor has two payment models: `TransactionItem` (Saleor asks the payment app to refund, which
reports back later) and the older `Payment` (a gateway plugin refunds at once). Both are
handled as staff would from the dashboard: `transactionRequestAction` and `orderRefund`.
The caller records its idempotency key before calling; for transactions the key also goes on
Saleor's refund request event, so a request already made is never made again.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from saleor.order.actions import order_refunded
from saleor.order.models import Order
from saleor.payment import PaymentError, TransactionEventType, TransactionKind, gateway
from saleor.payment.models import TransactionItem
from saleor.plugins.manager import get_plugins_manager

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App


class RefundFailed(Exception):
    """Saleor or the payment provider refused the refund; `code` says why."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class RefundOutcome:
    """What Saleor recorded: the amount and references to its payment records."""

    amount: Decimal
    method: str  # "payment" (refunded now) or "transaction" (requested from the app)
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
    """Refund `amount` of the order to the way it was paid; raises RefundFailed."""
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
    manager = get_plugins_manager(allow_replica=False)
    try:
        result = gateway.refund(payment, manager, channel_slug=order.channel.slug, amount=amount)
    except PaymentError as error:
        raise RefundFailed("PAYMENT_ERROR", str(error)) from error
    if result.kind != TransactionKind.REFUND or not result.is_success:
        raise RefundFailed("PAYMENT_ERROR", result.error or "The payment gateway refused.")
    payment.refresh_from_db()
    order_refunded(order, user, app, amount, payment, manager)
    return RefundOutcome(amount, "payment", [f"payment-transaction:{result.pk}"])


def _request_transaction_refunds(order, transactions, amount, key, reason, user, app):
    charged = sum((item.charged_value for item in transactions), Decimal(0))
    if charged < amount:
        raise RefundFailed("AMOUNT_TOO_HIGH", f"Only {charged} was charged; not {amount}.")
    manager = get_plugins_manager(allow_replica=False)
    remaining = amount
    references: list[str] = []
    for item in transactions:
        if remaining <= 0:
            break
        request = item.events.filter(idempotency_key=key).first()
        if request is None:
            request = item.events.create(
                type=TransactionEventType.REFUND_REQUEST,
                amount_value=min(remaining, item.charged_value),
                currency=item.currency,
                user=user,
                app=app,
                app_identifier=app.identifier if app else None,
                idempotency_key=key,
                message=reason,
            )
            try:
                gateway.request_refund_action(
                    transaction=item,
                    manager=manager,
                    refund_value=request.amount_value,
                    request_event=request,
                    channel_slug=order.channel.slug,
                    user=user,
                    app=app,
                )
            except PaymentError as error:
                if references:
                    break  # earlier transactions were asked: report those, not a failure
                raise RefundFailed("PAYMENT_ERROR", str(error)) from error
        references.append(f"transaction-event:{request.pk}")
        remaining -= request.amount_value
    return RefundOutcome(amount - remaining, "transaction", references)
