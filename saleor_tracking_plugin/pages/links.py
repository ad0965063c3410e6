"""Signed links to the hosted pages: a guest reaches their order without logging in.

The token names the order and the page's purpose; it is signed with Django's SECRET_KEY, so it
cannot be forged or pointed at another order, and it expires.
"""

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode

from django.core import signing

from .. import PLUGIN_ID
from ..saleor_glue.shop import absolute_url

SALT = "saleor_tracking_plugin.pages"
DEFAULT_MAX_AGE = timedelta(days=120)
# Links that can cancel an order and refund it are short-lived and bound to their delay.
DELAY_SALT = "saleor_tracking_plugin.pages.delay-choice"
DELAY_CHOICE_MAX_AGE = timedelta(days=7)


TRACK_PURPOSE = "track"


def order_token(order: Any, purpose: str) -> str:
    """A signed token that opens `purpose` pages (e.g. "track", "return") of one order."""
    return order_id_token(order.pk, purpose)


def order_id_token(order_id: Any, purpose: str) -> str:
    """The same token from the order's ID alone."""
    return signing.dumps({"o": str(order_id), "p": purpose}, salt=SALT, compress=True)


def order_id_from_token(
    token: str, purpose: str, max_age: timedelta = DEFAULT_MAX_AGE
) -> str | None:
    """The order ID inside a valid, unexpired token for this purpose; None otherwise."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or data.get("p") != purpose:
        return None
    order_id = data.get("o")
    return order_id if isinstance(order_id, str) else None


def delay_choice_token(delay: Any) -> str:
    """A signed token allowing a choice about one delay (which may cancel the order and move
    money); it opens nothing once that delay is settled, and lives a week at most."""
    return signing.dumps({"d": delay.pk, "o": str(delay.order_id)}, salt=DELAY_SALT)


def delay_id_from_token(token: str) -> tuple[str, int] | None:
    """(order ID, delay ID) inside a valid, unexpired delay-choice token; None otherwise."""
    try:
        data = signing.loads(token, salt=DELAY_SALT, max_age=DELAY_CHOICE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not (isinstance(data, dict) and isinstance(data.get("d"), int)):
        return None
    return str(data.get("o")), data["d"]


def page_url(page: str, order: Any, purpose: str, **params: str) -> str:
    """Absolute URL of a hosted page of the order, e.g. page_url("track", order, "track")."""
    return _page_url(page, order_token(order, purpose), params)


def tracking_page_url(order_id: Any) -> str:
    """Absolute URL of the order's hosted tracking page (Saleor's PUBLIC_URL as its base)."""
    return _page_url("track", order_id_token(order_id, TRACK_PURPOSE), {})


def is_fresh_page_url(url: str, order_id: Any) -> bool:
    """Whether a stored tracking link still opens this order for at least half its lifetime,
    at the shop's current address (PUBLIC_URL may have changed since)."""
    address, _, query = url.partition("?")
    if address != absolute_url(_page_path("track")):
        return False
    token = parse_qs(query).get("t", [""])[0]
    return order_id_from_token(token, TRACK_PURPOSE, DEFAULT_MAX_AGE / 2) == str(order_id)


def _page_path(page: str) -> str:
    return f"/plugins/global/{PLUGIN_ID}/pages/{page}/"


def _page_url(page: str, token: str, params: dict[str, str]) -> str:
    query = urlencode({"t": token, **params})
    return absolute_url(f"{_page_path(page)}?{query}")
