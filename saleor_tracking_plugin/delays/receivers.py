"""Delays listen to shipment status changes: a carrier scan may start or end a delay."""

import logging

from django.dispatch import receiver

from ..tracking.signals import shipment_status_changed

logger = logging.getLogger(__name__)


@receiver(shipment_status_changed, dispatch_uid="saleor_tracking_plugin.delays")
def recheck_delays_of_the_order(sender, shipment, previous, status, event, **kwargs) -> None:
    """Re-check the order in the background; the signal is sent after commit."""
    from .tasks import check_order_delays_task

    try:
        check_order_delays_task.delay(str(shipment.order_id))
    except Exception:
        logger.exception("Could not schedule the delay check of order %s", shipment.order_id)
