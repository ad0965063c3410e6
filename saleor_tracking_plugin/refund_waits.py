"""Which kinds of refund request of an order wait for the payment app's answer.

Saleor calls the plugin's order hooks for every change of every order (an `orderFulfill`
calls `order_updated` too), so the question is asked in one query over both kinds.
"""

from django.db.models import Value

from .delays.refund_settlement import open_requests as open_delay_refunds
from .returns.refunding import open_requests as open_return_refunds

RETURNS = "returns"
DELAYS = "delays"


def waiting_refunds(order_id) -> set[str]:
    """RETURNS and/or DELAYS when such refunds of the order wait for the payment app."""
    returns = open_return_refunds(order_id).annotate(kind=Value(RETURNS))
    delays = open_delay_refunds(order_id).annotate(kind=Value(DELAYS))
    first_of = [queryset.values_list("kind", flat=True)[:1] for queryset in (returns, delays)]
    return set(first_of[0].union(first_of[1], all=True))
