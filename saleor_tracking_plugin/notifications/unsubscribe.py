"""Signed unsubscribe links: every message carries one for its channel and category."""

import base64
import hashlib
import json
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings as django_settings
from django.utils.encoding import force_bytes

from .. import PLUGIN_ID
from ..saleor_glue.shop import absolute_url
from .catalog import Category, Channel

SALT = "saleor_tracking_plugin.unsubscribe"


@dataclass(frozen=True)
class Subscription:
    """What one unsubscribe link stops: one address, channel and category of messages."""

    address: str
    channel: Channel
    category: Category
    language: str


def unsubscribe_token(subscription: Subscription) -> str:
    """An encrypted, authenticated token naming the subscription. It carries no readable
    address (a forwarded email or a proxy log must not reveal it) and never expires: a link in
    an old email must work."""
    data = [
        subscription.address,
        subscription.channel.value,
        subscription.category.value,
        subscription.language,
    ]
    return _fernet().encrypt(json.dumps(data).encode()).decode()


def subscription_from_token(token: str) -> Subscription | None:
    """The subscription inside a valid token; None for a forged or garbled one."""
    try:
        data = json.loads(_fernet().decrypt(token.encode()))
    except (InvalidToken, ValueError, UnicodeError):
        return None
    try:
        address, channel, category, language = data
        return Subscription(address, Channel(channel), Category(category), language)
    except (ValueError, TypeError):
        return None


def _fernet() -> Fernet:
    # A key of its own, derived from SECRET_KEY, so this token can be used for nothing else.
    digest = hashlib.sha256(SALT.encode() + b":" + force_bytes(django_settings.SECRET_KEY)).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def unsubscribe_url(subscription: Subscription) -> str:
    """Absolute URL of the hosted unsubscribe page for this subscription."""
    token = unsubscribe_token(subscription)
    return absolute_url(f"/plugins/global/{PLUGIN_ID}/pages/unsubscribe/?t={token}")
