"""Cancelling an order the way Saleor's own `orderCancel` mutation does."""

import inspect
from typing import TYPE_CHECKING, Any

from django.contrib.sites.models import Site
from django.db import transaction
from saleor.giftcard.utils import deactivate_order_gift_cards
from saleor.order.actions import cancel_order
from saleor.order.models import Order
from saleor.plugins.manager import get_plugins_manager
from saleor.site.models import SiteSettings

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App

# Saleor 3.23.2 made `cancel_order` take the site settings (it reads them itself before); what
# the installed Saleor's function accepts decides, not its version number.
_CANCEL_ORDER_TAKES_SITE_SETTINGS = "site_settings" in inspect.signature(cancel_order).parameters


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
    manager = get_plugins_manager(allow_replica=False)
    extra: dict[str, Any] = {}
    if _CANCEL_ORDER_TAKES_SITE_SETTINGS:
        extra["site_settings"] = SiteSettings.objects.get(site=Site.objects.get_current())
    with transaction.atomic():
        cancel_order(order=order, user=user, app=app, manager=manager, **extra)
        deactivate_order_gift_cards(order.id, user, app)
    return True
