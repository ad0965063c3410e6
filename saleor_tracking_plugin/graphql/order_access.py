"""Which order a caller may see: its owner, staff with MANAGE_ORDERS, or a guest who knows
both the order number and its email. Shared by every capability's storefront queries."""

from typing import TYPE_CHECKING

from ..saleor_glue.auth import Requestor
from ..saleor_glue.order_lookups import placed_order, placed_order_by_number
from .core import BadInput, NotFound, uuid_pk
from .guest_throttle import GuestAttempt

if TYPE_CHECKING:
    from saleor.order.models import Order

# One message for a missing order and a wrong number/email pair, so guessing reveals nothing.
NOT_FOUND_MESSAGE = "Order not found."
MAX_ORDER_NUMBER_DIGITS = 9


def find_order(
    request, requestor: Requestor, id: str | None, number: str | None, email: str | None
) -> "Order":
    """The order the caller asked for, or NotFound; guests are throttled per client."""
    if id and (number or email):
        raise BadInput("Give either `id`, or `number` and `email`.")
    if id:
        return _order_by_id(requestor, id)
    if number and email:
        return _order_by_number_and_email(request, number, email)
    raise BadInput("Give either `id`, or `number` and `email`.")


def _order_by_id(requestor: Requestor, id: str) -> "Order":
    pk = uuid_pk(id, "Order")
    order = None
    if pk:
        order = placed_order(pk)
    if order is None:
        raise NotFound(NOT_FOUND_MESSAGE)
    if requestor.can_manage_orders:
        return order
    if requestor.user is not None and order.user_id == requestor.user.pk:
        return order
    raise NotFound(NOT_FOUND_MESSAGE)


def _order_by_number_and_email(request, number: str, email: str) -> "Order":
    attempt = GuestAttempt(request, number)
    attempt.check()
    order = None
    wanted = number.strip()
    # ASCII digits only ("²" is a digit to str.isdigit()), and within Saleor's integer column.
    if wanted.isascii() and wanted.isdigit() and len(wanted) <= MAX_ORDER_NUMBER_DIGITS:
        order = placed_order_by_number(int(wanted))
    if order is None or not _email_matches(order, email):
        attempt.failed()
        raise NotFound(NOT_FOUND_MESSAGE)
    return order


def _email_matches(order: "Order", email: str) -> bool:
    wanted = email.strip().casefold()
    emails = {order.user_email.casefold()}
    if order.user is not None:
        emails.add(order.user.email.casefold())
    return bool(wanted) and wanted in emails
