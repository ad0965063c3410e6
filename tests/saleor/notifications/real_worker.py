"""A real Celery worker process on Redis for tests about retries and crashes, and a fake
provider HTTP server on 127.0.0.1 that the worker calls."""

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import redis
from django.db import connection
from django.test import override_settings

from ...reliability.faults import reset_broker_pools

REDIS_URL = "redis://127.0.0.1:6379/5"
# Other checkouts run these tests against the same Redis at the same time: this run's own key
# prefix keeps their workers from taking its tasks (and flushing nothing of theirs).
KEY_PREFIX = f"stp-notify-test-{uuid.uuid4().hex}:"
REPO = Path(__file__).resolve().parents[3]
START_TIMEOUT = 120


@contextlib.contextmanager
def redis_broker() -> Iterator[None]:
    """Send this process's tasks to Redis instead of running them eagerly; restore after."""
    # Celery reads Saleor's Django settings live (namespace CELERY); its connection pools are
    # cached, so they are dropped to connect to Redis now and to the default broker after.
    reset_broker_pools()
    try:
        with override_settings(
            CELERY_TASK_ALWAYS_EAGER=False,
            CELERY_BROKER_URL=REDIS_URL,
            CELERY_BROKER_TRANSPORT_OPTIONS={"global_keyprefix": KEY_PREFIX},
        ):
            yield
    finally:
        reset_broker_pools()
        _delete_this_runs_keys()


def waiting_tasks(queue: str) -> list[str]:
    """Names of the tasks waiting in a queue of this run's Redis broker, as kombu stored them."""
    client = redis.Redis.from_url(REDIS_URL)
    return [
        json.loads(raw)["headers"]["task"] for raw in client.lrange(f"{KEY_PREFIX}{queue}", 0, -1)
    ]


def _delete_this_runs_keys() -> None:
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{KEY_PREFIX}*"))
    if keys:
        client.delete(*keys)


@contextlib.contextmanager
def celery_worker(
    lease_seconds: int = 120,
    name: str = "w1",
    queues: list[str] | None = None,
    environment: dict[str, str] | None = None,
) -> Iterator[subprocess.Popen]:
    """A worker process consuming Redis with the test's database; always stopped.

    `queues` are the only queues it consumes (`-Q`), else Celery's default queue, as Saleor's
    plain worker; `environment` adds variables to its environment.
    """
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_KEY_PREFIX": KEY_PREFIX,
        "TRACKING_PLUGIN_LEASE": str(lease_seconds),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        **(environment or {}),
    }
    env.pop("DATABASE_URL_REPLICA", None)
    log = open(f"/tmp/stp-notify-worker-{name}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "saleor.celeryconf:app",
            "worker",
            "--pool=solo",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            f"--hostname={name}@%h",
            *([f"--queues={','.join(queues)}"] if queues else []),
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)
        log.close()


def kill_hard(process: subprocess.Popen) -> None:
    """The worker dies as in an OOM kill or a lost machine: no clean-up at all."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=15)


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll until `condition` holds; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"Timed out after {timeout}s waiting for {what}")


@dataclass
class ReceivedRequest:
    path: str
    headers: dict[str, str]
    body: bytes


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 whose POSTs `answer(path, body, headers)` answers."""

    def answer(self, path: str, body: bytes, headers) -> tuple[int, str, bytes] | None:
        """Status, content type and body of the answer to one POST; None leaves it unanswered."""
        raise NotImplementedError

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                answer = stub.answer(self.path, body, self.headers)
                if answer is None:
                    return
                status, content_type, payload = answer
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class FakeProvider(LoopbackServer):
    """An HTTP server whose answers the test scripts, one per request, in order.

    An answer is (status, json body), or "hang" to hold the request open until the server
    stops (the worker calling it is then killed mid-send).
    """

    answers: list = field(default_factory=list)
    received: list[ReceivedRequest] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def answer(self, path: str, body: bytes, headers) -> tuple[int, str, bytes] | None:
        self.received.append(ReceivedRequest(path, dict(headers), body))
        answer = self.answers.pop(0) if self.answers else (500, {})
        if answer == "hang":
            self.release.wait(timeout=60)
            return None
        status, payload = answer
        return status, "application/json", json.dumps(payload).encode()

    def __exit__(self, *exc) -> None:
        self.release.set()
        super().__exit__(*exc)
