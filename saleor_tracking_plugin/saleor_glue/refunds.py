"""Refunding what a customer paid for an order, through Saleor's own payment actions.

Saleor has two payment models: the older `Payment` (a gateway plugin refunds at once) and
`TransactionItem` (Saleor asks the payment app to refund, which reports back later). Both are
handled here, as staff would from the dashboard: `orderRefund` and `transactionRequestAction`.
Callers record an idempotency key before calling; this module never retries by itself.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from saleor.graphql.payment.mutations.transaction.utils import (
    create_transaction_event_requested,
)
from saleor.order import FulfillmentStatus
from saleor.order.actions import order_refunded
from saleor.order.models import Order
from saleor.payment import PaymentError, TransactionAction, TransactionKind, gateway
from saleor.plugins.manager import get_plugins_manager

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App

REFUNDED = "refunded"  # the gateway refunded the money
REQUESTED = "requested"  # the payment app was asked and will report the result to Saleor
NOTHING_TO_REFUND = "nothing_to_refund"


@dataclass(frozen=True)
class RefundResult:
    state: str
    amount: Decimal
    currency: str
    detail: str = ""


class RefundFailed(Exception):
    """Saleor or the payment provider refused the refund; the message says why."""


def refund_everything_paid(
    order: Order, user: "User | None" = None, app: "App | None" = None
) -> RefundResult:
    """Refund every captured payment or charged transaction of the order in full."""
    manager = get_plugins_manager(allow_replica=False)
    payment = order.get_last_payment()
    if payment is not None and payment.can_refund():
        return _refund_payment(order, payment, manager, user, app)
    charged = list(order.payment_transactions.filter(charged_value__gt=0))
    if charged:
        return _request_transaction_refunds(order, charged, manager, user, app)
    return RefundResult(NOTHING_TO_REFUND, Decimal(0), order.currency)


def _refund_payment(order, payment, manager, user, app) -> RefundResult:
    amount = payment.captured_amount
    try:
        transaction = gateway.refund(
            payment, manager, channel_slug=order.channel.slug, amount=amount
        )
    except PaymentError as error:
        raise RefundFailed(str(error)) from error
    if transaction.kind != TransactionKind.REFUND or not transaction.is_success:
        raise RefundFailed(transaction.error or "The payment gateway did not refund.")
    payment.refresh_from_db()
    order_refunded(order, user, app, amount, payment, manager)
    # As orderRefund does: the refund shows as a fulfillment on the order in the dashboard.
    order.fulfillments.create(status=FulfillmentStatus.REFUNDED, total_refund_amount=amount)
    return RefundResult(REFUNDED, amount, payment.currency)


def _request_transaction_refunds(order, transactions, manager, user, app) -> RefundResult:
    total = Decimal(0)
    for item in transactions:
        event = create_transaction_event_requested(
            item, item.charged_value, TransactionAction.REFUND, user=user, app=app
        )
        try:
            gateway.request_refund_action(
                transaction=item,
                manager=manager,
                refund_value=item.charged_value,
                request_event=event,
                channel_slug=order.channel.slug,
                user=user,
                app=app,
            )
        except PaymentError as error:
            raise RefundFailed(str(error)) from error
        total += item.charged_value
    return RefundResult(REQUESTED, total, order.currency)
