"""Telling the customer and the other capabilities that a return moved.

The customer's message is queued in the outbox inside the step's transaction (so it is
recorded before it is sent, and only if the step commits); `return_status_changed` is sent
after commit for other listeners.
"""

from django.db import transaction

from ..money import Money
from ..notifications.api import notify
from ..pages.links import page_url
from .messages import MESSAGE_OF_STATUS
from .models import Return
from .reasons import Resolution
from .signals import return_status_changed
from .statuses import ReturnStatus

RETURN_PAGE_PURPOSE = "return"


def order_return_page_url(order) -> str:
    """Absolute URL of the order's hosted return page (signed, for guests too)."""
    return page_url("return", order, RETURN_PAGE_PURPOSE)


def announce(
    ret: Return, previous: ReturnStatus | None, status: ReturnStatus, *, tell_customer: bool = True
) -> None:
    """Queue the step's customer message and signal the change once committed."""
    message_type = MESSAGE_OF_STATUS.get(status)
    if message_type is not None and tell_customer:
        notify(
            ret.order,
            message_type,
            dedupe_key=f"return:{ret.pk}:{status.value}",
            thread=f"return:{ret.pk}",
            context=return_facts(ret),
        )
    transaction.on_commit(
        lambda: return_status_changed.send_robust(
            sender=Return, return_request=ret, previous=previous, status=status
        )
    )


def return_facts(ret: Return) -> dict:
    """The facts of a return the message texts use."""
    # Formatted per message language (notifications' `format_fact`).
    # What Saleor recorded as refunded once known (it may be less than owed), else what is owed.
    value = ret.refunded_amount if ret.refunded_amount is not None else ret.refund_amount
    amount = Money(value, ret.currency) if value is not None else ""
    store_credit = ret.resolution == Resolution.STORE_CREDIT
    return {
        "return_code": ret.rma,
        # Non-empty only for a request approved at once: its texts are chosen when it is known.
        "approved_return_code": ret.rma if ret.auto_approved else "",
        "return_link": order_return_page_url(ret.order),
        "rejection_reason": ret.decision_note,
        "refund_amount": amount,
        # Non-empty only for store credit: its texts are chosen when this fact is known.
        "store_credit_amount": amount if store_credit else "",
        "return_status": ret.status,
    }
