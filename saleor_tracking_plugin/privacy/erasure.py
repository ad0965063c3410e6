"""Erasure of a deleted customer's personal data across the plugin, in one transaction.

Saleor keeps a deleted customer's orders with their email (for the shop's books) and calls
the plugin's `customer_deleted` / `account_deleted` hooks; the plugin then wipes what people
wrote or were told (messages, call notes, return comments, survey and complaint words) and
the addresses it kept, and keeps the aggregates (counts, scores, statuses, amounts, dates).

Kept on purpose: `ContactPreference` rows. An unsubscribe is the customer's instruction not
to be contacted, and keeping it is what honours it if the address comes back.
"""

from dataclasses import asdict, dataclass

from django.db import transaction

from ..delays.erasure import erase_customer_delay_records
from ..notifications.erasure import erase_customer_messages
from ..returns.erasure import erase_customer_return_comments
from ..surveys.erasure import erase_customer_feedback


@dataclass(frozen=True)
class Erased:
    """How many rows of each kind lost their personal data."""

    messages: int = 0
    delay_records: int = 0
    returns: int = 0
    feedback: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def erase_customer_data(email: str) -> Erased:
    """Wipe the personal data of every record about orders placed with `email`."""
    email = (email or "").strip()
    if not email:
        return Erased()
    with transaction.atomic():
        return Erased(
            messages=erase_customer_messages(email),
            delay_records=erase_customer_delay_records(email),
            returns=erase_customer_return_comments(email),
            feedback=erase_customer_feedback(email),
        )
