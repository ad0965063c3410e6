"""Signed unsubscribe links: every message carries one for its channel and category."""

from dataclasses import dataclass

from django.core import signing
from saleor.core.utils import build_absolute_uri

from .. import PLUGIN_ID
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
    """A signed token naming the subscription (no expiry: a link in an old email must work)."""
    data = [
        subscription.address,
        subscription.channel.value,
        subscription.category.value,
        subscription.language,
    ]
    return signing.dumps(data, salt=SALT, compress=True)


def subscription_from_token(token: str) -> Subscription | None:
    """The subscription inside a valid token; None for a forged or garbled one."""
    try:
        address, channel, category, language = signing.loads(token, salt=SALT)
        return Subscription(address, Channel(channel), Category(category), language)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def unsubscribe_url(subscription: Subscription) -> str:
    """Absolute URL of the hosted unsubscribe page for this subscription."""
    token = unsubscribe_token(subscription)
    return build_absolute_uri(f"/plugins/global/{PLUGIN_ID}/pages/unsubscribe/?t={token}")
