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
