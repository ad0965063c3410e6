"""Saleor's own return: returned items move into a RETURNED fulfillment on the order.

The same action Saleor's `fulfillmentReturnProducts` mutation runs, so the dashboard shows the
return as if staff had made it there, and Saleor's `order_returned` timeline event and webhooks
follow.
"""

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from saleor.order import FulfillmentLineData, FulfillmentStatus
from saleor.order.actions import create_fulfillments_for_returned_products
from saleor.order.models import FulfillmentLine, Order, OrderLine

from .context import plugins_manager, site_settings

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App
    from saleor.order.models import Fulfillment
    from saleor.warehouse.models import Warehouse


_RETURN_ACTION_PARAMETERS = inspect.signature(create_fulfillments_for_returned_products).parameters


class NotEnoughFulfilled(Exception):
    """The order line has fewer fulfilled items left than the return names."""


@dataclass(frozen=True)
class ReturnedItems:
    """Items of one order line taken back from one fulfillment, and where they were shipped from."""

    order_line: OrderLine
    quantity: int
    warehouse: "Warehouse | None"


def return_items(
    order: Order,
    items: list[tuple[OrderLine, int]],
    *,
    reason: str,
    user: "User | None",
    app: "App | None",
) -> tuple["Fulfillment", list[ReturnedItems]]:
    """Record in Saleor that these items came back; no refund here (that is its own step).

    Takes the items from the order's fulfilled fulfillments, oldest first, and returns the new
    RETURNED fulfillment with the warehouses the items had been shipped from.
    """
    fulfillment_lines: list[FulfillmentLineData] = []
    returned: list[ReturnedItems] = []
    for order_line, quantity in items:
        remaining = quantity
        candidates = (
            FulfillmentLine.objects.select_related("stock__warehouse", "fulfillment")
            .filter(
                order_line=order_line,
                fulfillment__order=order,
                fulfillment__status=FulfillmentStatus.FULFILLED,
                quantity__gt=0,
            )
            .order_by("fulfillment__created_at", "pk")
        )
        for line in candidates:
            if remaining == 0:
                break
            taken = min(line.quantity, remaining)
            remaining -= taken
            fulfillment_lines.append(FulfillmentLineData(line=line, quantity=taken))
            warehouse = line.stock.warehouse if line.stock_id else None
            returned.append(ReturnedItems(order_line, taken, warehouse))
        if remaining:
            raise NotEnoughFulfilled(f"Order line {order_line.pk} lacks {remaining} fulfilled")
    kwargs = {
        "user": user,
        "app": app,
        "order": order,
        "payment": None,
        "order_lines": [],
        "fulfillment_lines": fulfillment_lines,
        "manager": plugins_manager(),
        "refund": False,
    }
    # Saleor 3.21 has neither site settings nor return reasons in this action; 3.23 has both.
    if "site_settings" in _RETURN_ACTION_PARAMETERS:
        kwargs["site_settings"] = site_settings()
    if "reason" in _RETURN_ACTION_PARAMETERS:
        kwargs["reason"] = reason
    return_fulfillment, _replace, _order = create_fulfillments_for_returned_products(**kwargs)
    return return_fulfillment, returned


def mark_return_refunded(fulfillment: "Fulfillment", amount) -> None:
    """The returned fulfillment was refunded: Saleor's own REFUNDED_AND_RETURNED state."""
    fulfillment.status = FulfillmentStatus.REFUNDED_AND_RETURNED
    fulfillment.total_refund_amount = amount
    fulfillment.save(update_fields=["status", "total_refund_amount"])
