"""Unsubscribe links name their subscription without a readable address."""

import base64

from saleor_tracking_plugin.notifications.catalog import Category, Channel
from saleor_tracking_plugin.notifications.unsubscribe import (
    Subscription,
    subscription_from_token,
    unsubscribe_token,
)

SUBSCRIPTION = Subscription("ayse.yilmaz@example.com", Channel.EMAIL, Category.MARKETING, "tr")


def test_the_token_does_not_reveal_the_address():
    # when a link is made for an address
    token = unsubscribe_token(SUBSCRIPTION)

    # then neither the token nor its base64 decoding shows the address
    decoded = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert b"ayse" not in decoded
    assert "ayse" not in token


def test_the_token_opens_its_subscription():
    assert subscription_from_token(unsubscribe_token(SUBSCRIPTION)) == SUBSCRIPTION


def test_a_tampered_token_opens_nothing():
    token = unsubscribe_token(SUBSCRIPTION)
    tampered = token[:-5] + ("A" if token[-5] != "A" else "B") + token[-4:]

    assert subscription_from_token(tampered) is None
    assert subscription_from_token("not a token") is None
