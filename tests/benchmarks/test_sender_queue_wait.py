"""B8: how long a customer's message waits behind a backlog on Saleor's default queue, without
and with the sender's own queue (STP_NOTIFICATIONS_QUEUE), with real Celery workers (solo
pool, Redis broker) and a stub CRM webhook on loopback.

A backlog of BACKLOG carrier polling rounds (beat's task, on a shop with no parcels due) is put
on the default queue, then one message is queued. Timed: from queuing the message to the
worker's record of it sent (`sent_at`). A: Saleor's plain worker alone, no queue named (what a
new merchant runs). B: the same plain worker, plus a worker consuming only the named sender
queue. Both workers are warmed up with a message first; the workers' start is not timed.
Bound: B's wait is at most a quarter of A's.
"""

import os

import pytest
from django.utils import timezone

from saleor_tracking_plugin.carriers.tasks import poll_due_shipments_task
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

BACKLOG = int(os.environ.get("STP_B8_BACKLOG", "1000"))
SENDER_QUEUE = "stp-messages"
BOUND = 0.25

pytestmark = [
    pytest.mark.skipif(not BENCHMARKS, reason="benchmarks run with STP_BENCHMARKS=1"),
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
]


def test_a_message_behind_a_backlog_waits_less_on_its_own_queue(
    order_with_lines, settings, monkeypatch
):
    monkeypatch.delenv("STP_NOTIFICATIONS_QUEUE", raising=False)
    with FakeProvider(answers=[(200, {"ok": True})] * 10) as crm:
        merchant_with("webhook", crm_webhook_url=f"{crm.url}/hooks", crm_webhook_secret="s3cret")
        with redis_broker():
            with celery_worker(name="b8-plain-a"):
                shared = _wait_behind_backlog(order_with_lines, "a")

            settings.STP_NOTIFICATIONS_QUEUE = SENDER_QUEUE
            environment = {"STP_NOTIFICATIONS_QUEUE": SENDER_QUEUE}
            with (
                celery_worker(name="b8-plain-b", environment=environment),
                celery_worker(name="b8-sender", queues=[SENDER_QUEUE], environment=environment),
            ):
                own = _wait_behind_backlog(order_with_lines, "b")

    print(
        f"\nB8 message behind {BACKLOG} polling rounds: default queue {shared:.1f} s, "
        f"own queue {own:.1f} s, ratio {own / shared:.3f} (bound {BOUND})"
    )
    assert own <= BOUND * shared


def _wait_behind_backlog(order, run: str) -> float:
    """Seconds from queuing a message behind the backlog to the worker's record of it sent."""
    # warm-up: each worker's first task pays its imports
    notify(order, "shipped", dedupe_key=f"b8-{run}-warm-up")
    wait_for(lambda: _sent(f"b8-{run}-warm-up"), 180, "the warm-up message")
    for _round in range(BACKLOG):
        poll_due_shipments_task.apply_async()
    queued = timezone.now()
    notify(order, "shipped", dedupe_key=f"b8-{run}")
    wait_for(lambda: _sent(f"b8-{run}"), 600, "the message behind the backlog")
    sent_at = OutboxMessage.objects.get(dedupe_key=f"b8-{run}").sent_at
    return (sent_at - queued).total_seconds()


def _sent(dedupe_key: str) -> bool:
    return OutboxMessage.objects.filter(dedupe_key=dedupe_key, status=MessageStatus.SENT).exists()
