"""Turning a message type and its facts into the text of one channel, in one language."""

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from ..saleor_glue.shop import ShopIdentity
from .catalog import Channel, MessageType
from .config import NotificationSettings
from .rendering import fill, first_filled, split_override


@dataclass(frozen=True)
class Content:
    """What is stored in the outbox and sent."""

    subject: str
    body: str
    body_html: str = ""


def message_texts(
    message_type: MessageType,
    facts: dict[str, Any],
    language: str,
    notifications: NotificationSettings,
) -> tuple[str, str]:
    """Subject and body: the merchant's override when its facts are known, else ours."""
    override = notifications.text_of(message_type, language)
    override_subject, override_body = split_override(override) if override.strip() else ("", "")
    with translation.override(language):
        default_subject = first_filled([str(message_type.subject)], facts) or ""
        default_body = first_filled([str(text) for text in message_type.body], facts) or ""
    subject = (override_subject and fill(override_subject, facts)) or default_subject
    body = (override_body and fill(override_body, facts)) or default_body
    return subject, body


def compose(
    message_type: MessageType,
    channel: Channel,
    facts: dict[str, Any],
    items: list[dict[str, Any]],
    language: str,
    notifications: NotificationSettings,
    shop: ShopIdentity,
) -> Content:
    """The content of the message on `channel`, signed by `shop` (the order channel's name,
    contact and logo) in emails and SMS."""
    subject, body = message_texts(message_type, facts, language, notifications)
    with translation.override(language):
        if channel == Channel.EMAIL:
            context = {**facts, "subject": subject, "body": body, "items_list": items}
            context["language"] = language
            context["shop"] = shop
            return Content(
                subject=subject,
                body=render_to_string("saleor_tracking_plugin/notifications/email.txt", context),
                body_html=render_to_string(
                    "saleor_tracking_plugin/notifications/email.html", context
                ),
            )
        if channel == Channel.SMS:
            # The shop's name after the text: an SMS from a bare number says who wrote it.
            parts = [body, shop.name, facts.get("tracking_link", "")]
            if facts.get("unsubscribe_link"):
                parts.append(_("Stop: %(link)s") % {"link": facts["unsubscribe_link"]})
            return Content(subject=subject, body="\n".join(part for part in parts if part))
        return Content(subject=subject, body=body)
