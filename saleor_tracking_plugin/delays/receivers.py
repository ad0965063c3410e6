"""Delays listen to shipment status changes: a carrier scan may start or end a delay."""

import logging

from django.dispatch import receiver

# Imported first so milestone receivers are connected before ours: a delay message queued
# after a "delivery problem" milestone supersedes it while it still waits.
from ..notifications import milestones  # noqa: F401
from ..tracking.signals import shipment_status_changed

logger = logging.getLogger(__name__)


@receiver(shipment_status_changed, dispatch_uid="saleor_tracking_plugin.delays")
def recheck_delays_of_the_order(sender, shipment, previous, status, event, **kwargs) -> None:
    """Re-check the order in the background; the signal is sent after commit."""
    from .tasks import follow_shipment_change_task

    occurred_at = event.occurred_at.isoformat() if event is not None else None
    try:
        follow_shipment_change_task.delay(
            str(shipment.order_id), shipment.pk, str(status), occurred_at
        )
    except Exception:
        logger.exception("Could not schedule the delay check of order %s", shipment.order_id)
