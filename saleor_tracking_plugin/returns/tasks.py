"""Celery tasks of returns, on Saleor's own Celery app."""

from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from . import actions, refunding


@app.task
@allow_writer()
def flag_overdue_returns_task() -> int:
    """Flag requests waiting too long for a decision (schedule it hourly with Celery beat).

    Returns how many requests were flagged now.
    """
    return actions.flag_overdue_requests()


@app.task
@allow_writer()
def settle_refunds_task() -> dict[str, int]:
    """The reconciliation (beat): settle open refunds of returns from Saleor's payment and
    transaction records. Returns counts by resulting refund status."""
    return refunding.settle_open_refunds()


@app.task
@allow_writer()
def settle_order_refunds_task(order_id: str) -> None:
    """Saleor recorded a payment change of one order: settle its returns' refund requests."""
    refunding.settle_order_refunds(order_id)
