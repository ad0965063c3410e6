"""Which order a caller may see: its owner, staff with MANAGE_ORDERS, or a guest who knows
both the order number and its email. Shared by every capability's storefront queries."""

import uuid

from django.core.cache import cache
from saleor.order import OrderStatus
from saleor.order.models import Order

from ..config import load_settings
from ..saleor_glue.auth import Requestor, client_ip
from .core import BadInput, GraphQLCodedError, NotFound, pk_from_global_id

# One message for a missing order and a wrong number/email pair, so guessing reveals nothing.
NOT_FOUND_MESSAGE = "Order not found."


class Throttled(GraphQLCodedError):
    def __init__(self) -> None:
        super().__init__("THROTTLED", "Too many failed attempts. Try again later.")


def find_order(
    request, requestor: Requestor, id: str | None, number: str | None, email: str | None
) -> Order:
    """The order the caller asked for, or NotFound; guests are throttled per client."""
    if id and (number or email):
        raise BadInput("Give either `id`, or `number` and `email`.")
    if id:
        return _order_by_id(requestor, id)
    if number and email:
        return _order_by_number_and_email(request, number, email)
    raise BadInput("Give either `id`, or `number` and `email`.")


def _order_by_id(requestor: Requestor, id: str) -> Order:
    pk = pk_from_global_id(id, "Order")
    order = None
    if pk and _is_uuid(pk):
        order = Order.objects.exclude(status=OrderStatus.DRAFT).filter(pk=pk).first()
    if order is None:
        raise NotFound(NOT_FOUND_MESSAGE)
    if requestor.can_manage_orders:
        return order
    if requestor.user is not None and order.user_id == requestor.user.pk:
        return order
    raise NotFound(NOT_FOUND_MESSAGE)


def _order_by_number_and_email(request, number: str, email: str) -> Order:
    settings = load_settings()
    key = f"saleor_tracking_plugin:guest-failures:{client_ip(request)}"
    if (cache.get(key) or 0) >= settings.guest_lookup_limit:
        raise Throttled()
    order = None
    if number.strip().isdigit():
        order = (
            Order.objects.exclude(status=OrderStatus.DRAFT)
            .select_related("user")
            .filter(number=int(number.strip()))
            .first()
        )
    if order is None or not _email_matches(order, email):
        if cache.add(key, 1, timeout=settings.guest_lookup_window_minutes * 60) is False:
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, timeout=settings.guest_lookup_window_minutes * 60)
        raise NotFound(NOT_FOUND_MESSAGE)
    return order


def _email_matches(order: Order, email: str) -> bool:
    wanted = email.strip().casefold()
    emails = {order.user_email.casefold()}
    if order.user is not None:
        emails.add(order.user.email.casefold())
    return bool(wanted) and wanted in emails


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
