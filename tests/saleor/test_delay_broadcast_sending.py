"""Crisis broadcasts are sent by a Celery task in chunks, each in its own transaction: a crowd
larger than a chunk, chunks run twice, a worker dying mid-chunk or between chunks, two workers
at once, opt-outs."""

import importlib
import threading
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone
from freezegun import freeze_time

from saleor_tracking_plugin.delays import broadcasts
from saleor_tracking_plugin.delays.models import BroadcastStatus, DelayBroadcast
from saleor_tracking_plugin.delays.selection import BroadcastFilter
from saleor_tracking_plugin.delays.tasks import (
    resume_stalled_broadcasts_task,
    send_broadcast_chunk_task,
)
from saleor_tracking_plugin.notifications.catalog import Category, Channel
from saleor_tracking_plugin.notifications.consent import set_preference
from saleor_tracking_plugin.notifications.models import OutboxMessage

from .test_delay_broadcast import parcel

CUSTOMERS = 7
CHUNK = 3


@pytest.fixture
def crowd(channel_USD, settings):
    """Seven customers with a Yurtiçi parcel on its way (one of them with two), chunks of 3."""
    settings.TRACKING_PLUGIN_BROADCAST_CHUNK_SIZE = CHUNK
    orders = [parcel(channel_USD, f"customer{n}@example.com", "Kadıköy") for n in range(CUSTOMERS)]
    orders.append(parcel(channel_USD, "CUSTOMER0@example.com", "Kadıköy"))
    return orders


def sending(message: str = "Yurtiçi Kargo grevi nedeniyle gecikme var.") -> DelayBroadcast:
    """A broadcast to the crowd that staff asked to send; its first task not run yet."""
    broadcast = broadcasts.create_broadcast(BroadcastFilter(carrier_codes=("yurtici",)), message)
    return broadcasts.start_sending(broadcast.pk)


def messages_per_customer() -> dict[str, int]:
    counts: dict[str, int] = {}
    for recipient in OutboxMessage.objects.filter(message_type="delay_broadcast").values_list(
        "recipient", flat=True
    ):
        counts[recipient] = counts.get(recipient, 0) + 1
    return counts


def test_a_crowd_larger_than_a_chunk_gets_one_message_each_and_the_broadcast_is_sent(crowd):
    broadcast = sending()

    # when the worker runs the task: it queues the next chunk until no recipient is left
    send_broadcast_chunk_task(broadcast.pk)

    broadcast.refresh_from_db()
    assert broadcast.status == BroadcastStatus.SENT
    assert broadcast.sent_at is not None
    assert messages_per_customer() == {f"customer{n}@example.com": 1 for n in range(CUSTOMERS)}
    assert broadcasts.progress(broadcast) == broadcasts.Progress(CUSTOMERS, CUSTOMERS, 0)


def test_one_chunk_queues_at_most_a_chunk_and_leaves_the_broadcast_sending(crowd):
    broadcast = sending()

    result = broadcasts.send_chunk(broadcast.pk)

    broadcast.refresh_from_db()
    assert result == broadcasts.ChunkResult(queued=CHUNK, skipped=0, more=True)
    assert broadcast.status == BroadcastStatus.SENDING
    assert broadcast.sent_at is None
    assert sum(messages_per_customer().values()) == CHUNK


def test_a_task_delivered_twice_and_run_again_after_the_end_queues_no_duplicate(crowd):
    broadcast = sending()

    # Celery delivers at least once: the first chunk's task arrives twice, and once more late
    broadcasts.send_chunk(broadcast.pk)
    send_broadcast_chunk_task(broadcast.pk)
    send_broadcast_chunk_task(broadcast.pk)
    sent_at = DelayBroadcast.objects.get(pk=broadcast.pk).sent_at

    assert set(messages_per_customer().values()) == {1}
    assert len(messages_per_customer()) == CUSTOMERS
    assert DelayBroadcast.objects.get(pk=broadcast.pk).sent_at == sent_at
    assert broadcasts.progress(broadcast) == broadcasts.Progress(CUSTOMERS, CUSTOMERS, 0)


class WorkerDied(Exception):
    pass


def test_a_chunk_whose_worker_died_before_commit_is_replayed_without_duplicates(crowd):
    broadcast = sending()
    broadcasts.send_chunk(broadcast.pk)

    # when the worker dies in the middle of the second chunk: its transaction is rolled back
    with pytest.raises(WorkerDied), transaction.atomic():
        broadcasts.send_chunk(broadcast.pk)
        assert sum(messages_per_customer().values()) == 2 * CHUNK
        raise WorkerDied
    # and the task runs again (Celery's redelivery or the beat)
    send_broadcast_chunk_task(broadcast.pk)

    assert messages_per_customer() == {f"customer{n}@example.com": 1 for n in range(CUSTOMERS)}
    assert DelayBroadcast.objects.get(pk=broadcast.pk).status == BroadcastStatus.SENT


def test_a_sending_stopped_between_chunks_is_resumed_by_the_beat_once_it_stalled(crowd):
    broadcast = sending()
    # the worker ran one chunk and died before queuing the next (or the broker lost it)
    broadcasts.send_chunk(broadcast.pk)

    with freeze_time(timezone.now() + timedelta(minutes=1)):
        resumed_early = resume_stalled_broadcasts_task()
    with freeze_time(timezone.now() + broadcasts.STALLED_AFTER + timedelta(minutes=1)):
        resumed = resume_stalled_broadcasts_task()

    assert resumed_early == 0
    assert resumed == 1
    broadcast.refresh_from_db()
    assert broadcast.status == BroadcastStatus.SENT
    assert messages_per_customer() == {f"customer{n}@example.com": 1 for n in range(CUSTOMERS)}


def test_the_beat_leaves_drafts_and_sent_broadcasts_alone(crowd):
    draft = broadcasts.create_broadcast(BroadcastFilter(carrier_codes=("yurtici",)), "Taslak.")
    sent = sending()
    send_broadcast_chunk_task(sent.pk)

    with freeze_time(timezone.now() + timedelta(days=1)):
        resumed = resume_stalled_broadcasts_task()

    assert resumed == 0
    assert DelayBroadcast.objects.get(pk=draft.pk).status == BroadcastStatus.DRAFT


def test_customers_who_opted_out_are_counted_as_skipped(crowd):
    for n in (1, 2):
        set_preference(
            f"customer{n}@example.com", Channel.EMAIL, Category.TRANSACTIONAL, False, "test"
        )
    broadcast = sending()

    send_broadcast_chunk_task(broadcast.pk)

    assert broadcasts.progress(broadcast) == broadcasts.Progress(CUSTOMERS, CUSTOMERS - 2, 2)
    assert "customer1@example.com" not in messages_per_customer()
    assert DelayBroadcast.objects.get(pk=broadcast.pk).status == BroadcastStatus.SENT


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("replica_reads_the_test_database")
def test_a_second_worker_takes_the_recipients_after_those_a_first_worker_holds(crowd):
    # given a broadcast staff asked to send (set by hand: with committed transactions the eager
    # Celery of the tests would run the whole sending at once)
    broadcast = broadcasts.create_broadcast(BroadcastFilter(carrier_codes=("yurtici",)), "Grev.")
    DelayBroadcast.objects.filter(pk=broadcast.pk).update(
        status=BroadcastStatus.SENDING, sending_started_at=timezone.now()
    )
    holding, release = threading.Event(), threading.Event()
    results: dict[str, broadcasts.ChunkResult] = {}

    def first_worker() -> None:
        try:
            with transaction.atomic():
                results["first"] = broadcasts.send_chunk(broadcast.pk)
                holding.set()
                release.wait(timeout=60)
        finally:
            connections.close_all()

    def second_worker() -> None:
        try:
            results["second"] = broadcasts.send_chunk(broadcast.pk)
        finally:
            connections.close_all()

    # when a second worker runs a chunk while the first one's chunk is not committed yet
    first = threading.Thread(target=first_worker)
    first.start()
    assert holding.wait(timeout=60)
    second = threading.Thread(target=second_worker)
    second.start()
    second.join(timeout=30)
    blocked = second.is_alive()
    release.set()
    first.join(timeout=60)
    second.join(timeout=60)

    # then it neither waited for the first nor took its recipients
    assert not blocked
    assert results["first"] == results["second"] == broadcasts.ChunkResult(CHUNK, 0, more=True)
    assert len(messages_per_customer()) == 2 * CHUNK
    send_broadcast_chunk_task(broadcast.pk)
    assert messages_per_customer() == {f"customer{n}@example.com": 1 for n in range(CUSTOMERS)}
    assert DelayBroadcast.objects.get(pk=broadcast.pk).status == BroadcastStatus.SENT


def test_the_migration_marks_broadcasts_sent_before_it_as_sent_with_their_outcomes(crowd):
    # given a broadcast sent before chunked sending: sent_at set, no status, no outcomes
    set_preference("customer1@example.com", Channel.EMAIL, Category.TRANSACTIONAL, False, "test")
    broadcast = sending()
    send_broadcast_chunk_task(broadcast.pk)
    DelayBroadcast.objects.filter(pk=broadcast.pk).update(status=BroadcastStatus.DRAFT)
    broadcast.recipients.update(outcome="", processed_at=None)

    # when migration 0012 fills the new columns
    migration = importlib.import_module("saleor_tracking_plugin.migrations.0012_broadcast_sending")
    with connection.cursor() as cursor:
        cursor.execute(migration.MARK_SENT_BROADCASTS)

    broadcast.refresh_from_db()
    assert broadcast.status == BroadcastStatus.SENT
    assert broadcasts.progress(broadcast) == broadcasts.Progress(CUSTOMERS, CUSTOMERS - 1, 1)
    assert not broadcast.recipients.filter(processed_at__isnull=True).exists()
