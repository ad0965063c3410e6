"""The facts a message is made of, derived from the Saleor order and the caller's context."""

from datetime import date, datetime
from typing import Any

from django.utils import formats, translation
from django.utils.translation import gettext as _

from ..money import Money
from ..pages.links import tracking_page_url
from ..pages.rendering import shop_timezone
from ..saleor_glue.fulfillments import order_items

SUPPORTED_LANGUAGES = ("tr", "en")
DEFAULT_LANGUAGE = "en"


def message_language(order: Any) -> str:
    """The order's language when we speak it (tr-TR, tr -> tr), else English."""
    code = (getattr(order, "language_code", "") or "").lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def customer_name(order: Any) -> str:
    """The name the customer gave on the order, else on their account; "" if none."""
    for address in (order.billing_address, order.shipping_address):
        if address is not None:
            name = f"{address.first_name} {address.last_name}".strip()
            if name:
                return name
    user = order.user
    if user is not None:
        return f"{user.first_name} {user.last_name}".strip()
    return ""


def customer_email(order: Any) -> str:
    """The address order emails go to: the order's, else its customer's account."""
    return (order.user_email or (order.user.email if order.user else "") or "").strip()


def customer_phone(order: Any) -> str:
    """The phone given on the order (shipping address first: the courier calls it)."""
    for address in (order.shipping_address, order.billing_address):
        if address is not None and address.phone:
            return str(address.phone)
    return ""


def format_fact(value: Any, language: str) -> Any:
    """Dates and money in the customer's language ("24 Kasım 2026", "₺1.500,00"); other
    values unchanged.

    A time is shown as the day it is in the shop's calendar (`local_timezone`): a parcel
    delivered at 01:30 in Istanbul was delivered that day, not the day before as in UTC.
    """
    if isinstance(value, Money):
        return value.format(language)
    if isinstance(value, datetime):
        value = value.astimezone(shop_timezone()).date()
    if isinstance(value, date):
        with translation.override(language):
            return formats.date_format(value, "j F Y")
    return value


def jsonable(value: Any) -> Any:
    """A fact as it is stored with the message and sent to the CRM."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value


def order_facts(
    order: Any, language: str, context: dict[str, Any], items: list[dict] | None = None
) -> dict[str, Any]:
    """Everything a message about this order may say, in `language`; `items` are the ones the
    message is about (a parcel's), by default the whole order's."""
    items = items if items is not None else order_items(order)
    with translation.override(language):
        items_text = ", ".join(f"{item['quantity']} × {item['name']}" for item in items)
        facts: dict[str, Any] = {
            "customer_name": customer_name(order) or _("customer"),
            "order_number": str(order.number),
            "items": items_text,
            "tracking_link": tracking_page_url(order.pk),
        }
    for key, value in context.items():
        facts[key] = format_fact(value, language)
    return facts
