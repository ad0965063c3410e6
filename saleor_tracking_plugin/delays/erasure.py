"""Erasure of a deleted customer's delay records: call notes (here and on the order's
timeline) and broadcast addresses go; delays, causes, call outcomes and refunds stay."""

from ..saleor_glue.order_joins import placed_with_email
from ..saleor_glue.orders import rewrite_timeline_messages
from .models import DelayBroadcastRecipient, DelayCall


def erase_customer_delay_records(email: str) -> int:
    """Wipe staff's call notes about orders placed with `email` (they hold what the customer
    said, often a phone number) and the customer's address in broadcast recipient lists.
    Returns the rows touched."""
    calls = DelayCall.objects.filter(placed_with_email(email, via="delay__order"))
    outcomes = dict(calls.values_list("pk", "outcome"))
    rewrite_timeline_messages(
        "call_id",
        outcomes,
        lambda event: f"Delay call: {outcomes[event['call_id']].replace('_', ' ')}",
    )
    touched = calls.update(note="")
    return touched + DelayBroadcastRecipient.objects.filter(email__iexact=email).update(email="")
