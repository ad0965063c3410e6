"""Telling the world a return moved: the `return_status_changed` signal, after commit."""

from django.db import transaction

from .models import Return
from .signals import return_status_changed
from .statuses import ReturnStatus


def announce(ret: Return, previous: ReturnStatus | None, status: ReturnStatus) -> None:
    """Send `return_status_changed` once the current transaction commits."""
    transaction.on_commit(
        lambda: return_status_changed.send_robust(
            sender=Return, return_request=ret, previous=previous, status=status
        )
    )
