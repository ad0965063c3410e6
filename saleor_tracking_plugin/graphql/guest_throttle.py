"""Limits on guessing orders by number and email: failed look-ups are counted per client
address and per order number, and every failure takes the same time.

The client address is REMOTE_ADDR unless that is one of the merchant's configured proxies; only
then is `X-Forwarded-For` read, from the right, skipping the configured proxies. A client that
sets the header itself gains nothing: rotating it never resets its counter.
"""

import ipaddress
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache

from ..config import Settings, load_settings
from .core import GraphQLCodedError

KEY_PREFIX = "saleor_tracking_plugin:guest-failures"
# Every failed look-up answers no sooner than this, whether the order is missing or the email
# is wrong, so answer times say nothing about which orders exist.
FAILURE_ANSWER_SECONDS = 0.15


class Throttled(GraphQLCodedError):
    def __init__(self) -> None:
        super().__init__("THROTTLED", "Too many failed attempts. Try again later.")


def parse_networks(value: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """The configured proxies: addresses or CIDR ranges separated by commas or spaces.
    Raises ValueError naming the entry that is neither."""
    networks = []
    for entry in value.replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ValueError(f"{entry!r} is not an IP address or network") from None
    return networks


def client_address(remote_addr: str, forwarded_for: str, trusted: Iterable) -> str:
    """The address of the client: REMOTE_ADDR, or, when that is a trusted proxy, the right-most
    address of X-Forwarded-For that is not a trusted proxy."""
    trusted = list(trusted)

    def is_trusted(address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in trusted)

    if not is_trusted(remote_addr):
        return remote_addr or "unknown"
    for hop in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
        if not is_trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                # A proxy passed on garbage: the request is the proxy's own.
                return remote_addr
    return remote_addr


@dataclass(frozen=True)
class GuestLookupLimits:
    """How many failed guest look-ups are allowed per client and per order number in a window,
    and the proxies trusted to name the client."""

    per_client: int
    per_order_number: int
    window_minutes: int
    trusted_proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]


def guest_lookup_limits(settings: Settings) -> GuestLookupLimits:
    """The merchant's guest look-up limits (use as `settings.typed(guest_lookup_limits)`);
    unreadable proxies (refused when saved) trust none."""
    try:
        trusted = tuple(parse_networks(settings.text("trusted_proxies")))
    except ValueError:
        trusted = ()
    return GuestLookupLimits(
        per_client=settings.number("guest_lookup_limit"),
        per_order_number=settings.number("guest_order_attempt_limit"),
        window_minutes=settings.number("guest_lookup_window_minutes"),
        trusted_proxies=trusted,
    )


class GuestAttempt:
    """One guest look-up: refuse it if its client or its order number failed too often, and
    count it if it fails."""

    def __init__(self, request, number: str):
        limits = load_settings().typed(guest_lookup_limits)
        address = client_address(
            request.META.get("REMOTE_ADDR", ""),
            request.META.get("HTTP_X_FORWARDED_FOR", ""),
            limits.trusted_proxies,
        )
        self.started = time.monotonic()
        self.window = limits.window_minutes * 60
        self.limits = {
            f"{KEY_PREFIX}:ip:{address}": limits.per_client,
            f"{KEY_PREFIX}:order:{number.strip()[:20]}": limits.per_order_number,
        }

    def check(self) -> None:
        """Raise Throttled when the client or the order number is over its limit."""
        counts = cache.get_many(list(self.limits))
        if any(counts.get(key, 0) >= limit for key, limit in self.limits.items()):
            self._wait()
            raise Throttled()

    def failed(self) -> None:
        """Count the failure against the client and the order number, then wait so that every
        failure takes equally long."""
        for key in self.limits:
            if not cache.add(key, 1, timeout=self.window):
                try:
                    cache.incr(key)
                except ValueError:
                    cache.set(key, 1, timeout=self.window)
        self._wait()

    def _wait(self) -> None:
        remaining = FAILURE_ANSWER_SECONDS - (time.monotonic() - self.started)
        if remaining > 0:
            time.sleep(remaining)
