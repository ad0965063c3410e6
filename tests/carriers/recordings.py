"""Replay a carrier's recorded HTTP exchanges to the real client code.

A recording is a JSON file next to the carrier's tests: a list of exchanges
`{"method", "url", "status", "json" | "body" | "body_file", "content_type",
"delay_seconds"}`. `url` is a regular
expression matched against the full URL. The plugin's own connectors use `requests`, replayed
with the `responses` library; karrio's extensions use `urllib`, replayed by a urllib handler
installed as the process's default opener (urllib's own extension point), so karrio's real
request building, HTTP error handling and parsing all run.
"""

import email.message
import io
import json
import re
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.response import addinfourl

import responses

CARRIERS_DIR = Path(__file__).parent


def load(carrier: str, case: str) -> list[dict]:
    """The exchanges of `tests/carriers/<carrier>/recordings/<case>.json`."""
    folder = CARRIERS_DIR / carrier / "recordings"
    exchanges = json.loads((folder / f"{case}.json").read_text())
    for exchange in exchanges:
        if "body_file" in exchange:
            exchange["raw"] = (folder / exchange["body_file"]).read_bytes()
        elif "json" in exchange:
            exchange["raw"] = json.dumps(exchange["json"]).encode()
        else:
            exchange["raw"] = exchange.get("body", "").encode()
    return exchanges


class _Replay(urllib.request.BaseHandler):
    handler_order = 100  # before urllib's own HTTP(S) handlers

    def __init__(self, exchanges: list[dict]):
        self.exchanges = exchanges
        self.calls: list[urllib.request.Request] = []

    def _open(self, request: urllib.request.Request):
        self.calls.append(request)
        for exchange in self.exchanges:
            if exchange.get("method", "GET") == request.get_method() and re.search(
                exchange["url"], request.full_url
            ):
                delay = exchange.get("delay_seconds", 0)
                timeout = getattr(request, "timeout", None)
                if timeout is not None and delay > timeout:
                    # What a socket with this timeout does when the carrier hangs.
                    time.sleep(timeout)
                    raise TimeoutError("timed out")
                time.sleep(delay)
                headers = email.message.Message()
                headers["Content-Type"] = exchange.get("content_type", "application/json")
                status = exchange.get("status", 200)
                if status >= 400:
                    raise HTTPError(
                        request.full_url, status, "error", headers, io.BytesIO(exchange["raw"])
                    )
                response = addinfourl(
                    io.BytesIO(exchange["raw"]), headers, request.full_url, code=status
                )
                response.msg = "OK"
                return response
        raise AssertionError(f"unexpected {request.get_method()} {request.full_url}")

    https_open = _open
    http_open = _open


@contextmanager
def replay(carrier: str, case: str):
    """Serve the recording to both urllib (karrio) and requests (our connectors)."""
    exchanges = load(carrier, case)
    handler = _Replay(exchanges)
    urllib.request.install_opener(urllib.request.build_opener(handler))
    try:
        with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
            for exchange in exchanges:
                mock.add(
                    exchange.get("method", "GET"),
                    re.compile(".*" + exchange["url"]),
                    body=exchange["raw"],
                    status=exchange.get("status", 200),
                    content_type=exchange.get("content_type", "application/json"),
                )
            calls = _Calls(handler, mock)
            try:
                yield calls
            finally:
                # `responses` forgets its calls on exit; keep them for the test's asserts.
                calls.keep_requests_calls()
    finally:
        urllib.request.install_opener(None)


class _Calls:
    """The requests the code under test made, whichever HTTP library it used."""

    def __init__(self, handler: _Replay, mock: responses.RequestsMock):
        self._handler = handler
        self._mock = mock
        self._kept: list | None = None

    def keep_requests_calls(self) -> None:
        self._kept = list(self._mock.calls)

    @property
    def _requests_calls(self) -> list:
        return self._kept if self._kept is not None else list(self._mock.calls)

    def add(self, method: str, url: str, **kwargs) -> None:
        """Serve one more answer to `requests` next to the recording."""
        self._mock.add(method, url, **kwargs)

    @property
    def urls(self) -> list[str]:
        return [r.full_url for r in self._handler.calls] + [
            c.request.url for c in self._requests_calls
        ]

    def headers(self, index: int = 0) -> dict:
        requests_made = [dict(r.header_items()) for r in self._handler.calls] + [
            dict(c.request.headers) for c in self._requests_calls
        ]
        return requests_made[index]

    def bodies(self) -> list[bytes]:
        found = [r.data or b"" for r in self._handler.calls]
        for call in self._requests_calls:
            body = call.request.body or b""
            found.append(body.encode() if isinstance(body, str) else body)
        return found
