"""The message types the plugin can send, declared by each capability in its own module.

A capability declares its types in `<capability>/messages.py`:

    from django.utils.translation import gettext_lazy as _
    from ..notifications.catalog import MessageType

    MESSAGE_TYPES = [
        MessageType(
            code="return_approved",
            label="Return approved",
            subject=_("Your return for order {order_number} is approved"),
            body=(
                _("Dear {customer_name}, your return {return_code} for order {order_number} "
                  "is approved."),
            ),
        ),
    ]

and registers the module with one line in `DECLARING_MODULES` below. A type's texts are
alternatives: the first whose placeholders are all known is used, so a message never shows an
empty fact ("estimated delivery: ."). The engine knows {customer_name}, {order_number},
{items}, {tracking_link}; everything else comes from `notify(..., context={...})`.
"""

import importlib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from django.utils.functional import Promise


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    WHATSAPP = "whatsapp"
    WEBHOOK = "webhook"


class Category(StrEnum):
    """Transactional messages are about an order the customer placed; marketing needs opt-in."""

    TRANSACTIONAL = "transactional"
    MARKETING = "marketing"


# Channels that reach a phone: they respect the shop's quiet hours.
PHONE_CHANNELS = frozenset({Channel.SMS, Channel.WHATSAPP})


@dataclass(frozen=True)
class MessageType:
    """One kind of customer message and its default texts (gettext_lazy, TR and EN)."""

    code: str
    label: str
    subject: Promise | str
    body: tuple[Promise | str, ...]
    category: Category = Category.TRANSACTIONAL
    default_channels: tuple[Channel, ...] = (Channel.EMAIL,)
    # WhatsApp only sends pre-approved templates: the default template name (merchants may
    # rename it) and the facts filling its body's {{1}}, {{2}}, ... in order.
    whatsapp_template: str = ""
    whatsapp_parameters: tuple[str, ...] = ("customer_name", "order_number")
    # Pending messages of these types about the same subject are dropped when this one is
    # queued (a parcel delivered before "out for delivery" went out needs only "delivered").
    supersedes: tuple[str, ...] = field(default=())
    # Dotted path of a function [(order, thread), ...] -> [facts, ...] (one dict per pair):
    # facts that may change until the message goes out (a parcel's estimated date), read
    # again just before sending, e.g. for an SMS that waited for the end of quiet hours; one
    # call for a whole batch of messages.
    live_facts: str = ""

    @property
    def template_name(self) -> str:
        """The WhatsApp template name, by default the type's code."""
        return self.whatsapp_template or self.code


# One line per capability that declares message types.
DECLARING_MODULES = (
    "saleor_tracking_plugin.notifications.messages",
    "saleor_tracking_plugin.returns.messages",
    "saleor_tracking_plugin.delays.messages",
    "saleor_tracking_plugin.surveys.messages",
)


@cache
def _registry() -> dict[str, MessageType]:
    types: dict[str, MessageType] = {}
    for module_name in DECLARING_MODULES:
        for message_type in importlib.import_module(module_name).MESSAGE_TYPES:
            if message_type.code in types:
                raise ValueError(f"Message type {message_type.code!r} is declared twice")
            types[message_type.code] = message_type
    return types


def all_message_types() -> list[MessageType]:
    """Every declared message type, in declaration order."""
    return list(_registry().values())


def get_message_type(code: str) -> MessageType:
    """The declared type with this code; ValueError for an unknown code."""
    try:
        return _registry()[code]
    except KeyError:
        raise ValueError(f"Unknown message type {code!r}") from None
