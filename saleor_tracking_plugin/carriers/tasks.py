"""Celery tasks of carriers: the beat round that polls due shipments (scheduled in
`saleor_tracking_plugin/beat.py`), and one carrier call."""

import logging

from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from ..config import load_settings
from . import actions, claims
from .carrier_settings import carrier_settings

logger = logging.getLogger(__name__)


@app.task
@allow_writer()
def poll_due_shipments_task() -> int:
    """One polling round: expire old parcels, promise dates, flag carriers without
    credentials, send carriers their batches."""
    settings = load_settings()
    actions.expire_stale_shipments(settings)
    actions.estimate_unestimated_shipments(settings)
    if not settings.typed(carrier_settings).polling_enabled:
        return 0
    actions.flag_unconfigured_carriers(settings)
    batches = claims.claim_due_batches(settings)
    for carrier_code, shipment_ids in batches:
        poll_carrier_task.delay(carrier_code, shipment_ids)
    return len(batches)


@app.task(bind=True, max_retries=None)
@allow_writer()
def poll_carrier_task(self, carrier_code: str, shipment_ids: list[int]) -> dict:
    """Ask one carrier about a batch; retry a passing outage after a growing wait."""
    settings = load_settings()
    result = actions.poll_shipments(carrier_code, shipment_ids, settings)
    carriers = settings.typed(carrier_settings)
    if result.retry_soon and self.request.retries < carriers.poll_retries:
        countdown = carriers.poll_retry_seconds * (2**self.request.retries)
        logger.info(
            "Retrying %s in %ss (attempt %s): %s",
            carrier_code,
            countdown,
            self.request.retries + 1,
            result.failure,
        )
        raise self.retry(countdown=countdown)
    return {
        "carrier": carrier_code,
        "polled": result.polled,
        "failure": str(result.failure) if result.failure else "",
        "skipped": result.skipped,
    }
