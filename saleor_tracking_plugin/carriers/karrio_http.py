"""karrio's HTTP calls made the plugin's way: once per try, under a timeout, capped, classified.

karrio sends every request through `karrio.core.utils.helpers._urlopen_with_span`, which wraps
`urlopen` for Sentry tracing and, on *any* exception (an HTTP 503 included), calls `urlopen`
a second time: a hidden second request per failure. karrio also passes no timeout. This module
replaces that one function with `_urlopen`, which:
- makes exactly one request, with the plugin's `carrier_timeout_seconds` as the socket timeout
  (no worker thread is left waiting on a hung carrier);
- reads at most `MAX_RESPONSE_BYTES`;
- lets karrio read 4xx answers (they carry the carrier's error codes: credentials, unknown
  numbers) but records 5xx as `UNAVAILABLE`, 429 as `RATE_LIMITED` and timeouts as `TIMEOUT`,
  which karrio would otherwise hand to its parsers as if they were tracking answers;
- keeps each answer's body, for the few fields karrio's parsers drop (UPS's GMT times and
  scheduled delivery dates).

karrio runs several numbers of one call in its own threads, so the call's state lives here,
for one karrio call per process at a time (`karrio_call`); Celery's prefork workers run one
task per process anyway.
"""

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from django.core.cache import cache

from .connector import CarrierError, Problem
from .http import MAX_RESPONSE_BYTES


class Answer(NamedTuple):
    """One answer on the wire: the URL asked, the request body sent, the answer's body."""

    url: str
    sent: bytes
    body: bytes


_CALL_LOCK = threading.Lock()
_STATE_LOCK = threading.Lock()
TOKEN_CACHE_PREFIX = "saleor_tracking_plugin:carrier-token:"


@dataclass
class KarrioCall:
    """What happened on the wire during one karrio call."""

    timeout: float
    requests: int = 0
    answers: list[Answer] = field(default_factory=list)
    failure: CarrierError | None = None

    def fail(self, error: CarrierError) -> CarrierError:
        """Remember the first transport failure: it decides the whole call."""
        with _STATE_LOCK:
            if self.failure is None:
                self.failure = error
        return error


_current: KarrioCall | None = None


@contextmanager
def karrio_call(timeout: float) -> Iterator[KarrioCall]:
    """Run one karrio call with the plugin's transport; yields what happened on the wire."""
    global _current
    install()
    with _CALL_LOCK:
        _current = KarrioCall(timeout=timeout)
        try:
            yield _current
        finally:
            _current = None


class _CappedResponse:
    """An answer read whole (up to the cap), shaped as karrio's helpers read responses."""

    def __init__(self, response: Any, url: str):
        body = response.read(MAX_RESPONSE_BYTES + 1)
        response.close()
        if len(body) > MAX_RESPONSE_BYTES:
            raise CarrierError(Problem.MALFORMED, "answer is too large")
        self._body = body
        self.status = getattr(response, "status", None) or response.getcode()
        self.headers = response.headers
        self.url = url

    def read(self) -> bytes:
        return self._body

    def __enter__(self) -> "_CappedResponse":
        return self

    def __exit__(self, *args: Any) -> None:
        return None


def _urlopen(request: Request, timeout: float | None = None) -> _CappedResponse:
    call = _current
    seconds = call.timeout if call is not None else 15.0
    if call is not None:
        with _STATE_LOCK:
            call.requests += 1
    try:
        response = urlopen(request, timeout=seconds)
        answer = _CappedResponse(response, request.full_url)
    except HTTPError as error:
        problem = _problem_of_status(error.code)
        if problem is None:
            raise  # karrio reads the carrier's error body
        failure = CarrierError(problem, f"HTTP {error.code}")
        raise (call.fail(failure) if call else failure) from error
    except TimeoutError as error:
        failure = CarrierError(Problem.TIMEOUT, f"no answer within {seconds:g}s")
        raise (call.fail(failure) if call else failure) from error
    except CarrierError as error:
        raise (call.fail(error) if call else error) from None
    except OSError as error:
        # urllib wraps a connect timeout in URLError(reason=timeout).
        if isinstance(getattr(error, "reason", None), TimeoutError):
            failure = CarrierError(Problem.TIMEOUT, f"no answer within {seconds:g}s")
        else:
            failure = CarrierError(Problem.UNAVAILABLE, type(error).__name__)
        raise (call.fail(failure) if call else failure) from error
    if call is not None:
        with _STATE_LOCK:
            sent = request.data if isinstance(request.data, bytes) else b""
            call.answers.append(Answer(request.full_url, sent, answer.read()))
    return answer


def _problem_of_status(status: int) -> Problem | None:
    if status == 429:
        return Problem.RATE_LIMITED
    if status >= 500:
        return Problem.UNAVAILABLE
    return None


def install() -> None:
    """Route karrio's requests through `_urlopen` (idempotent)."""
    import karrio.core.utils.helpers as karrio_helpers

    karrio_helpers._urlopen_with_span = _urlopen


class SharedTokens:
    """karrio's token cache backed by Saleor's cache (Redis in production).

    karrio keeps OAuth tokens in a cache it is given, keyed by carrier and credentials, and
    refreshes them shortly before they expire. Backed by Django's cache, one token per carrier
    account serves every worker and every call until it expires, instead of one token fetch per
    call. Keys are hashed: karrio's keys contain the client secret.
    """

    def get(self, key: str) -> Any:
        """The cached token state, or None."""
        return cache.get(_token_key(key))

    def set(self, key: str, value: Any, timeout: int = 86400, **kwargs: Any) -> None:
        """Keep the token state; karrio checks its expiry itself before using it."""
        cache.set(_token_key(key), value, timeout=timeout)


def _token_key(key: str) -> str:
    return TOKEN_CACHE_PREFIX + hashlib.sha256(key.encode()).hexdigest()
