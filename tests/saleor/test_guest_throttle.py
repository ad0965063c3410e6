"""Guessing orders as a guest: counted per real client address and per order number, and a
wrong email answers as slowly as a missing order."""

import statistics
import time

import pytest

from saleor_tracking_plugin.graphql.guest_throttle import FAILURE_ANSWER_SECONDS, client_address

from ..fixtures import TRACKING_API_PATH
from .helpers import configure_plugin

pytestmark = pytest.mark.django_db

GUEST_LOOKUP = """
query T($number: String, $email: String) {
  orderTracking(number: $number, email: $email) { number }
}
"""


def ask(client, number: str, email: str, **headers) -> list[str]:
    response = client.post(
        TRACKING_API_PATH,
        data={"query": GUEST_LOOKUP, "variables": {"number": number, "email": email}},
        content_type="application/json",
        **headers,
    )
    return [error["extensions"]["code"] for error in response.json().get("errors", [])]


def test_rotating_x_forwarded_for_does_not_reset_the_limit(client, customer_order):
    # given no trusted proxy, and a client that guessed wrong as often as allowed, each time
    # claiming another address
    configure_plugin(guest_lookup_limit="3", guest_order_attempt_limit="100")
    for n in range(3):
        ask(client, "1", "guess@example.com", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")

    # when it asks again under yet another claimed address, with the right pair
    codes = ask(
        client,
        str(customer_order.number),
        customer_order.user_email,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )

    # then it is still throttled
    assert codes == ["THROTTLED"]


def test_failed_attempts_on_one_order_number_are_limited_whatever_the_client(
    client, customer_order
):
    # given guesses at one order's email from many addresses
    configure_plugin(guest_lookup_limit="100", guest_order_attempt_limit="3")
    for n in range(3):
        ask(client, str(customer_order.number), f"guess{n}@example.com", REMOTE_ADDR=f"10.0.0.{n}")

    # when another address tries that order number
    codes = ask(client, str(customer_order.number), "x@example.com", REMOTE_ADDR="10.0.9.9")

    # then it is throttled, while other order numbers are not
    assert codes == ["THROTTLED"]
    assert ask(client, "424242", "x@example.com", REMOTE_ADDR="10.0.9.9") == ["NOT_FOUND"]


def test_a_trusted_proxy_names_the_client():
    # given a proxy at 10.1.0.5 that appends the address it saw
    trusted = ["10.1.0.0/16"]

    # then the right-most untrusted hop is the client; a spoofed left entry is ignored
    assert client_address("10.1.0.5", "6.6.6.6, 203.0.113.9", [_net(t) for t in trusted]) == (
        "203.0.113.9"
    )
    # and an untrusted peer's header is not read at all
    assert client_address("198.51.100.1", "203.0.113.9", [_net(t) for t in trusted]) == (
        "198.51.100.1"
    )


def test_clients_behind_a_trusted_proxy_are_counted_apart(client, customer_order):
    configure_plugin(
        guest_lookup_limit="2", guest_order_attempt_limit="100", trusted_proxies="10.1.0.5"
    )
    for _ in range(2):
        ask(client, "1", "a@example.com", REMOTE_ADDR="10.1.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert ask(
        client, "1", "a@example.com", REMOTE_ADDR="10.1.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4"
    ) == ["THROTTLED"]
    assert ask(
        client, "1", "a@example.com", REMOTE_ADDR="10.1.0.5", HTTP_X_FORWARDED_FOR="5.6.7.8"
    ) == ["NOT_FOUND"]


def test_a_wrong_email_answers_as_slowly_as_a_missing_order(client, customer_order):
    configure_plugin(guest_lookup_limit="1000", guest_order_attempt_limit="1000")

    def median_seconds(number: str) -> float:
        times = []
        for n in range(7):
            started = time.perf_counter()
            assert ask(client, number, "wrong@example.com", REMOTE_ADDR=f"10.2.0.{n}") == [
                "NOT_FOUND"
            ]
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    wrong_email = median_seconds(str(customer_order.number))
    missing_order = median_seconds("987654")
    print(f"guest failure answer: wrong email {wrong_email:.3f}s, missing {missing_order:.3f}s")

    # both wait for the same floor, which dwarfs the look-up itself
    assert wrong_email >= FAILURE_ANSWER_SECONDS
    assert missing_order >= FAILURE_ANSWER_SECONDS
    assert abs(wrong_email - missing_order) < 0.5 * FAILURE_ANSWER_SECONDS


def _net(value: str):
    import ipaddress

    return ipaddress.ip_network(value)
