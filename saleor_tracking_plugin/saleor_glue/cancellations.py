"""Cancelling an order the way Saleor's own `orderCancel` mutation does."""

import inspect
from typing import TYPE_CHECKING, Any

from django.db import transaction
from saleor.giftcard.utils import deactivate_order_gift_cards
from saleor.order.actions import cancel_order
from saleor.order.models import Order

from .context import plugins_manager, site_settings

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App

# Saleor 3.23.2 made `cancel_order` take the site settings (earlier releases read them
# themselves): what the installed Saleor's function accepts decides, not its version number.
_CANCEL_ORDER_PARAMETERS = inspect.signature(cancel_order).parameters


def can_cancel(order: Order) -> bool:
    """Saleor's own rule: nothing shipped (or every fulfillment undone) and not cancelled."""
    return order.can_cancel()


def cancel_unshipped_order(
    order: Order, user: "User | None" = None, app: "App | None" = None
) -> bool:
    """Cancel an order that has nothing shipped: releases its stock, deactivates gift cards it
    bought, writes Saleor's timeline event and sends Saleor's webhooks. False if Saleor would
    refuse to cancel it."""
    if not can_cancel(order):
        return False
    kwargs: dict[str, Any] = {
        "order": order,
        "user": user,
        "app": app,
        "manager": plugins_manager(),
    }
    if "site_settings" in _CANCEL_ORDER_PARAMETERS:
        kwargs["site_settings"] = site_settings()
    with transaction.atomic():
        cancel_order(**kwargs)
        deactivate_order_gift_cards(order.id, user, app)
    return True
