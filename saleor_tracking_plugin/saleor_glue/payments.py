"""What a customer has paid for an order, as Saleor records it."""

from decimal import Decimal

from saleor.order.models import Order
from saleor.payment.models import TransactionItem


def charged_total(order: Order) -> Decimal:
    """Money actually taken: charged transactions, else the last payment's captured amount."""
    charged = sum(
        TransactionItem.objects.filter(order_id=order.pk).values_list("charged_value", flat=True),
        Decimal(0),
    )
    if charged:
        return charged
    payment = order.get_last_payment()
    return payment.captured_amount if payment is not None else Decimal(0)


def last_payment_id(order_id) -> int | None:
    """The order's last legacy Payment, when it was paid that way (no charged transactions)."""
    if TransactionItem.objects.filter(order_id=order_id, charged_value__gt=0).exists():
        return None
    order = Order.objects.filter(pk=order_id).first()
    payment = order.get_last_payment() if order is not None else None
    return payment.pk if payment is not None else None
