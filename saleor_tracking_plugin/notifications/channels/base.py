"""What every channel sender returns or raises, and the shared HTTP call."""

from dataclasses import dataclass
from typing import Any

import requests

HTTP_TIMEOUT_SECONDS = 10
# One session per process: a provider that keeps connections alive is not dialled anew for
# every message.
_session = requests.Session()


@dataclass(frozen=True)
class SendResult:
    """The provider accepted the message."""

    provider: str
    provider_message_id: str = ""


class SendError(Exception):
    """The provider did not accept the message."""

    transient = False


class TransientSendError(SendError):
    """Worth trying again later: timeout, connection error, rate limit, server error."""

    transient = True


class PermanentSendError(SendError):
    """Trying again will not help: wrong credentials, invalid number, rejected content."""


def post(url: str, **kwargs: Any) -> requests.Response:
    """POST with a timeout; network trouble, 429 and 5xx become TransientSendError."""
    try:
        response = _session.post(url, timeout=HTTP_TIMEOUT_SECONDS, **kwargs)
    except requests.RequestException as error:
        raise TransientSendError(f"{type(error).__name__}: {error}") from error
    if response.status_code == 429 or response.status_code >= 500:
        raise TransientSendError(f"HTTP {response.status_code}: {response.text[:500]}")
    return response


def json_body(response: requests.Response) -> Any:
    """The response's JSON, or a PermanentSendError naming what came back instead."""
    try:
        return response.json()
    except ValueError as error:
        raise PermanentSendError(
            f"HTTP {response.status_code}, not JSON: {response.text[:500]}"
        ) from error
