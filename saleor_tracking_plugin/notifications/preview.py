"""What a message type would say about a real order, in Turkish and English, before it is sent:
the settings screen's live preview of the merchant's texts."""

from dataclasses import dataclass
from typing import Any

from ..config import Settings
from .catalog import MessageType
from .compose import message_texts
from .config import ENGINE_FACTS, notification_settings
from .facts import SUPPORTED_LANGUAGES, order_facts
from .rendering import placeholders


@dataclass(frozen=True)
class PreviewText:
    language: str
    subject: str
    body: str


def _type_facts(message_type: MessageType) -> set[str]:
    texts = (message_type.subject, *message_type.body)
    return set().union(*(placeholders(str(text)) for text in texts)) - set(ENGINE_FACTS)


def preview(message_type: MessageType, order: Any, settings: Settings) -> list[PreviewText]:
    """The subject and body in each language, from the order's own facts (name, number, items,
    tracking link); facts that belong to a later event (a return code, a new date) show as
    ‹name› so the merchant sees where they go."""
    notifications = settings.typed(notification_settings)
    texts = []
    for language in SUPPORTED_LANGUAGES:
        samples = {name: f"‹{name}›" for name in _type_facts(message_type)}
        facts = {**samples, **order_facts(order, language, {})}
        subject, body = message_texts(message_type, facts, language, notifications)
        texts.append(PreviewText(language=language, subject=subject, body=body))
    return texts
