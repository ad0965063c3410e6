"""The Saleor plugin: a switchboard from Saleor's hooks to the plugin's own work.

Each hook guards, schedules the work for after Saleor's commit, and returns Saleor's value.
Nothing here raises into Saleor: a failure is logged and the reconciliation task catches up.
"""

import functools
import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from saleor.plugins.base_plugin import BasePlugin, ConfigurationTypeField
from saleor.plugins.error_codes import PluginErrorCode

from . import DEFAULT_ACTIVE, PLUGIN_ID
from .after_commit import enqueue_after_commit
from .config import all_fields, configuration_problems

logger = logging.getLogger(__name__)


def _never_raises(hook: Callable) -> Callable:
    """Log instead of raising: the plugin must never break a Saleor mutation."""

    @functools.wraps(hook)
    def wrapper(self: "TrackingPlugin", *args: Any, previous_value: Any = None, **kwargs: Any):
        if not self.active:
            return previous_value
        try:
            hook(self, *args, **kwargs)
        except Exception:
            logger.exception("saleor-tracking-plugin: %s hook failed", hook.__name__)
        return previous_value

    return wrapper


def _settle_refunds_after_commit(order: Any) -> None:
    """Settle the order's open refund requests once Saleor's records are committed.

    Saleor calls these hooks for every order change: only orders waiting for a refund's outcome
    (one query over both kinds of refund, on their indexes) get a task.
    """
    from .delays.tasks import settle_order_delay_refunds_task
    from .refund_waits import DELAYS, RETURNS, waiting_refunds
    from .returns.tasks import settle_order_refunds_task

    waiting = waiting_refunds(order.pk)
    if RETURNS in waiting:
        enqueue_after_commit(settle_order_refunds_task, str(order.pk))
    if DELAYS in waiting:
        enqueue_after_commit(settle_order_delay_refunds_task, str(order.pk))


class TrackingPlugin(BasePlugin):
    PLUGIN_ID = PLUGIN_ID
    PLUGIN_NAME = "Post-purchase tracking"
    PLUGIN_DESCRIPTION = (
        "Carrier tracking with normalized statuses, event history and delivery estimates; "
        "a GraphQL API for storefronts and staff."
    )
    CONFIGURATION_PER_CHANNEL = False
    DEFAULT_ACTIVE = DEFAULT_ACTIVE
    DEFAULT_CONFIGURATION = [{"name": field.name, "value": field.default} for field in all_fields()]
    CONFIG_STRUCTURE = {
        field.name: {
            "type": getattr(ConfigurationTypeField, field.type.upper(), field.type),
            "help_text": field.help_text,
            "label": field.label,
        }
        for field in all_fields()
    }

    @classmethod
    def validate_plugin_configuration(cls, plugin_configuration, **kwargs):
        """Refuse a save with unusable values, naming each field and how to fix it."""
        problems = configuration_problems(plugin_configuration.configuration or [])
        if problems:
            raise ValidationError(
                {
                    name: ValidationError(message, code=PluginErrorCode.INVALID.value)
                    for name, message in problems.items()
                }
            )

    # Saleor calls several of these for one change (orderFulfill with a tracking number:
    # tracking_number_updated, fulfillment_created, often fulfillment_approved); the sync is
    # queued once for them all.
    @_never_raises
    def fulfillment_created(self, fulfillment, *args, **kwargs):
        from .tracking.tasks import queue_shipment_sync

        if fulfillment.tracking_number:
            queue_shipment_sync(fulfillment.pk)

    @_never_raises
    def fulfillment_approved(self, fulfillment, *args, **kwargs):
        from .tracking.tasks import queue_shipment_sync

        if fulfillment.tracking_number:
            queue_shipment_sync(fulfillment.pk)

    @_never_raises
    def tracking_number_updated(self, fulfillment, *args, **kwargs):
        from .tracking.tasks import queue_shipment_sync

        queue_shipment_sync(fulfillment.pk)

    @_never_raises
    def fulfillment_metadata_updated(self, fulfillment, *args, **kwargs):
        # Staff may name the carrier in the fulfillment's metadata.
        from .tracking.tasks import queue_shipment_sync

        if fulfillment.tracking_number:
            queue_shipment_sync(fulfillment.pk)

    @_never_raises
    def fulfillment_canceled(self, fulfillment, *args, **kwargs):
        from .tracking.tasks import cancel_fulfillment_shipment_task

        enqueue_after_commit(cancel_fulfillment_shipment_task, fulfillment.pk)

    @_never_raises
    def order_cancelled(self, order, *args, **kwargs):
        from .tracking.tasks import cancel_order_shipments_task

        enqueue_after_commit(cancel_order_shipments_task, str(order.pk))

    @_never_raises
    def order_refunded(self, order, *args, **kwargs):
        # A payment app reported REFUND_SUCCESS (transactionEventReport) or a gateway refunded.
        _settle_refunds_after_commit(order)

    @_never_raises
    def order_updated(self, order, *args, **kwargs):
        # Saleor calls this after a transaction's amounts change (order_transaction_updated).
        _settle_refunds_after_commit(order)

    @_never_raises
    def transaction_item_metadata_updated(self, transaction_item, *args, **kwargs):
        # A payment app's report that carries metadata; failures call no order hook.
        if transaction_item.order_id:
            _settle_refunds_after_commit(transaction_item.order)

    @_never_raises
    def customer_deleted(self, customer, *args, **kwargs):
        # Staff deleted a customer: what they wrote and were told is wiped, figures stay.
        from .privacy.tasks import erase_customer_data_task

        enqueue_after_commit(erase_customer_data_task, customer.email)

    @_never_raises
    def account_deleted(self, user, *args, **kwargs):
        # The customer deleted their own account.
        from .privacy.tasks import erase_customer_data_task

        enqueue_after_commit(erase_customer_data_task, user.email)

    def webhook(self, request, path: str, previous_value: Any) -> HttpResponse:
        """Serve the plugin's own endpoints under /plugins/global/<PLUGIN_ID>/."""
        if not self.active:
            return previous_value
        from .config import Settings
        from .settings_scope import seed
        from .web.routes import dispatch

        # Saleor read the configuration from the database to find this plugin; reuse it.
        seed(lambda: Settings(self.configuration))
        return dispatch(request, path)
