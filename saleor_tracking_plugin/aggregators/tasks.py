"""Celery task of the webhook inbox, on Saleor's own Celery app."""

from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from ..config import load_settings
from .actions import apply_waiting

# One run stops after this many batches, so a flood does not hold a worker for ever; the
# next delivery or beat's next minute starts another.
MAX_BATCHES = 50


@app.task
@allow_writer()
def apply_webhook_inbox_task() -> int:
    """Apply waiting aggregator deliveries in batches; returns how many were applied."""
    settings = load_settings()
    applied = 0
    for _batch in range(MAX_BATCHES):
        taken = apply_waiting(settings)
        applied += taken
        if not taken:
            break
    return applied
