"""Celery tasks of returns, on Saleor's own Celery app."""

from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from . import actions


@app.task
@allow_writer()
def flag_overdue_returns_task() -> int:
    """Flag requests waiting too long for a decision (schedule it hourly with Celery beat).

    Returns how many requests were flagged now.
    """
    return actions.flag_overdue_requests()
