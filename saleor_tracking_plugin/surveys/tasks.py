"""Celery tasks of surveys and complaints, on Saleor's own Celery app (periodic ones are in
beat.py)."""

from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from . import complaints, requests


@app.task
@allow_writer()
def send_due_surveys_task() -> int:
    """Ask every delivered order that is due and not held back; returns how many were asked."""
    return requests.scan_due_surveys()


@app.task
@allow_writer()
def flag_due_complaints_task() -> int:
    """Flag complaints about to breach or breached and alert staff; returns the flags raised."""
    return complaints.flag_due_complaints()
