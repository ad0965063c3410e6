"""R3: a real Celery worker (Saleor's app, Redis broker) killed with SIGKILL in the middle of
a batch of queued messages, then a new worker and the outbox dispatcher (beat, every minute):
no message lost, none delivered twice.

The customer's CRM is a stub on loopback that counts deliveries by the plugin's delivery key
(`X-STP-Delivery`), as the CRM webhook contract asks receivers to: the messages of the batch
cut by the kill (sent, not yet marked sent) may reach it twice with the same key, and count
once.

Bounded in CI (40 messages); `STP_RELIABILITY=full`: 1,000."""

import os
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.delivery import MESSAGES_PER_CLAIM
from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage
from saleor_tracking_plugin.notifications.tasks import dispatch_outbox_task

from ..saleor.notifications.providers import merchant_with
from ..saleor.notifications.real_worker import celery_worker, kill_hard, redis_broker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

MESSAGES = 1_000 if os.environ.get("STP_RELIABILITY") == "full" else 40
WORKER_TIMEOUT = 180  # a cold worker start on a busy machine included
LEASE_SECONDS = 3


class CountingCrm:
    """A CRM endpoint that takes a little while per request and counts delivery keys."""

    def __init__(self) -> None:
        self.keys: Counter = Counter()
        self.lock = threading.Lock()
        crm = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                time.sleep(0.03)  # long enough for the kill to land mid-send
                with crm.lock:
                    crm.keys[self.headers.get("X-STP-Delivery", "")] += 1
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks"

    def requests(self) -> int:
        with self.lock:
            return sum(self.keys.values())

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def crm():
    server = CountingCrm()
    yield server
    server.close()


def sent() -> int:
    return OutboxMessage.objects.filter(status=MessageStatus.SENT).count()


def test_a_worker_killed_mid_batch_loses_no_message_and_sends_none_twice(customer_order, crm):
    # given a shop whose messages go to its CRM, and a worker taking them from Redis
    merchant_with("webhook", crm_webhook_url=crm.url, crm_webhook_secret="s3cret")
    with redis_broker():
        with celery_worker(lease_seconds=LEASE_SECONDS, name="r3-doomed") as doomed:
            # when a batch of messages is queued (each one a task on the broker)
            for i in range(MESSAGES):
                notify(customer_order, "shipped", dedupe_key=f"r3-{i}")
            wait_for(lambda: crm.requests() >= MESSAGES // 3, WORKER_TIMEOUT, "a third sent")
            # and the worker is killed in the middle of them
            kill_hard(doomed)
        at_kill = crm.requests()

        # then a new worker, with the dispatcher the beat runs every minute, sends the rest
        with celery_worker(lease_seconds=LEASE_SECONDS, name="r3-survivor"):
            deadline = time.monotonic() + WORKER_TIMEOUT + MESSAGES * 0.2
            while sent() < MESSAGES and time.monotonic() < deadline:
                time.sleep(LEASE_SECONDS)
                dispatch_outbox_task.delay()
            # and a last round finds nothing left to send
            time.sleep(1)
            dispatch_outbox_task.delay()
            time.sleep(2)

    keys = {str(k) for k in OutboxMessage.objects.values_list("idempotency_key", flat=True)}
    lost = len(keys - set(crm.keys))
    twice = sum(1 for count in crm.keys.values() if count > 1)
    print(
        f"\nR3 worker crash: {MESSAGES} messages, killed after {at_kill} deliveries; "
        f"CRM requests {crm.requests()}, distinct deliveries {len(crm.keys)}, lost {lost}, "
        f"delivered twice (same key, kept once by the CRM) {twice}"
    )
    assert 0 < at_kill < MESSAGES
    assert sent() == MESSAGES
    assert lost == 0
    assert len(keys) == MESSAGES  # one row, so one key, per message
    assert set(crm.keys) == keys  # nothing the plugin did not queue, every key once at least
    # only the batch cut by the kill (solo pool: one batch at a time) may have reached the CRM
    # twice, each under its own key
    assert twice <= MESSAGES_PER_CLAIM
    assert OutboxMessage.objects.filter(attempts__gt=2).count() == 0
