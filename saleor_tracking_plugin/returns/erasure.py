"""Erasure of a deleted customer's returns: their words and staff's notes about them go
(here and on the order's timeline); items, reasons, outcomes, amounts and dates stay."""

from ..saleor_glue.order_joins import placed_with_email
from ..saleor_glue.orders import rewrite_timeline_messages
from .models import Return


def erase_customer_return_comments(email: str) -> int:
    """Wipe the customer's comment and staff's decision note of every return of orders placed
    with `email`, and the timeline texts that quoted them (the step stays: "Return R1-1:
    approved"); returns the returns touched."""
    of_customer = Return.objects.filter(placed_with_email(email))
    rewrite_timeline_messages(
        "return_id",
        of_customer.values_list("pk", flat=True),
        lambda event: f"Return {event.get('rma', '')}: {event.get('status', '')}",
    )
    return of_customer.update(comment="", decision_note="")
