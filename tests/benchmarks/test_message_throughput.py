"""B5: messages sent per minute by one real Celery worker (solo pool, Redis broker) to a
stub CRM webhook on loopback, with the outbox's guarantees on (lease, idempotency key,
order timeline entry), against the same HTTP calls made in a plain loop.

Blocks of messages alternate with blocks of plain calls. Bounds: rate ratio ≥ 0.5 and at
least 1,000 messages a minute. The worker's start is not timed.
"""

import time

import pytest
import requests

from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage

from ..saleor.notifications.providers import merchant_with
from ..saleor.notifications.real_worker import (
    FakeProvider,
    celery_worker,
    redis_broker,
    wait_for,
)
from .measure import BENCHMARKS

BLOCKS = 3
PER_BLOCK = 150
MIN_PER_MINUTE = 1000
BOUND = 0.5

pytestmark = [
    pytest.mark.skipif(not BENCHMARKS, reason="benchmarks run with STP_BENCHMARKS=1"),
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
]


def test_worker_message_rate_against_plain_calls(order_with_lines):
    total = BLOCKS * PER_BLOCK
    answers = [(200, {"ok": True})] * (2 * total + 10)
    with FakeProvider(answers=answers) as crm:
        merchant_with("webhook", crm_webhook_url=f"{crm.url}/hooks", crm_webhook_secret="s3cret")
        url = f"{crm.url}/hooks"
        worker_seconds = loop_seconds = 0.0
        with redis_broker(), celery_worker(name="b5"):
            # warm-up: the worker's first task pays its imports
            [first] = notify(order_with_lines, "shipped", dedupe_key="b5-warm-up")
            wait_for(lambda: _sent() == 1, 180, "the warm-up message")
            session = requests.Session()
            for block in range(BLOCKS):
                started = time.perf_counter()
                for index in range(PER_BLOCK):
                    notify(order_with_lines, "shipped", dedupe_key=f"b5-{block}-{index}")
                expected = 1 + (block + 1) * PER_BLOCK
                wait_for(lambda n=expected: _sent() == n, 300, "the block")
                worker_seconds += time.perf_counter() - started
                body = crm.received[-1].body
                started = time.perf_counter()
                for _index in range(PER_BLOCK):
                    assert session.post(url, data=body, timeout=10).status_code == 200
                loop_seconds += time.perf_counter() - started

    worker_rate = 60 * total / worker_seconds
    loop_rate = 60 * total / loop_seconds
    ratio = worker_rate / loop_rate
    print(
        f"\nB5 messages: worker {worker_rate:.0f}/min, plain loop {loop_rate:.0f}/min, "
        f"rate ratio {ratio:.3f} (bound {BOUND}, at least {MIN_PER_MINUTE}/min)"
    )
    # then every message was sent once, with its own idempotency key
    keys = [request.headers.get("X-STP-Delivery") for request in crm.received]
    worker_keys = [key for key in keys if key]
    assert len(worker_keys) == len(set(worker_keys)) == 1 + total
    assert first.pk
    assert ratio >= BOUND
    assert worker_rate >= MIN_PER_MINUTE


def _sent() -> int:
    return OutboxMessage.objects.filter(status=MessageStatus.SENT).count()
