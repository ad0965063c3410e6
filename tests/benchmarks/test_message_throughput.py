"""B5: messages sent per minute by one real Celery worker (solo pool, Redis broker) to a
stub CRM webhook on loopback, with the outbox's guarantees on (lease, consent check, live
facts, idempotency key, order timeline entry), against the same HTTP calls made in a plain
loop.

Each block's messages are queued beforehand, held back (not due until tomorrow), so the
timed part is the worker's alone: from releasing them in one statement (and starting a
sender task) to the worker's record of the block's last message sent (`sent_at`). Blocks of
messages alternate with blocks of plain calls. Bounds: rate ratio ≥ 0.5 and at least 1,000
messages a minute. The worker's start is not timed.
"""

import os
import time
from datetime import timedelta

import pytest
import requests
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage
from saleor_tracking_plugin.notifications.tasks import send_due_messages_task

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
                held_back = _queue_held_back(order_with_lines, f"b5-{block}-", PER_BLOCK)
                released = timezone.now()
                held_back.update(not_before=released)
                send_due_messages_task.delay()
                expected = 1 + (block + 1) * PER_BLOCK
                wait_for(lambda n=expected: _sent() == n, 300, "the block")
                # until the worker wrote the last outcome (its clock is this machine's)
                last = held_back.aggregate(last=Max("sent_at"))["last"]
                worker_seconds += (last - released).total_seconds()
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
        f"rate ratio {ratio:.3f} (bound {BOUND}, at least {MIN_PER_MINUTE}/min; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    # then every message was sent once, with its own idempotency key and timeline entry
    keys = [request.headers.get("X-STP-Delivery") for request in crm.received]
    worker_keys = [key for key in keys if key]
    assert len(worker_keys) == len(set(worker_keys)) == 1 + total
    assert first.pk
    assert order_with_lines.events.filter(parameters__provider="crm_webhook").count() == 1 + total
    assert ratio >= BOUND
    assert worker_rate >= MIN_PER_MINUTE


def _queue_held_back(order, prefix: str, count: int):
    """Queue `count` messages that are not due until tomorrow; the sender their commit
    starts finds nothing to send."""
    with transaction.atomic():
        for index in range(count):
            notify(order, "shipped", dedupe_key=f"{prefix}{index}")
        held_back = OutboxMessage.objects.filter(dedupe_key__startswith=prefix)
        held_back.update(not_before=timezone.now() + timedelta(days=1))
    return held_back


def _sent() -> int:
    return OutboxMessage.objects.filter(status=MessageStatus.SENT).count()
