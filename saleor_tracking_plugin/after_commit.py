"""Queue a Celery task once the current transaction commits, without ever raising into the
caller: a hook inside Saleor's mutation must not fail it because the broker is down."""

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue_after_commit(
    task: Any, *args: Any, on_failure: Callable[[], object] | None = None
) -> None:
    """Queue `task(*args)` after the commit (at once outside a transaction). When the broker
    refuses it, log why and run `on_failure`, which undoes whatever promised the task would
    run; the reconciliation tasks then catch up with the lost work."""

    def enqueue() -> None:
        try:
            task.delay(*args)
        except Exception:
            logger.exception("saleor-tracking-plugin: could not run %s%r", task.name, args)
            if on_failure is None:
                return
            try:
                on_failure()
            except Exception:
                logger.exception("saleor-tracking-plugin: could not undo %s%r", task.name, args)

    transaction.on_commit(enqueue)
