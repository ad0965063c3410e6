"""With a real Celery worker on Redis: a failing provider is retried, and a worker killed in
the middle of a send neither loses nor duplicates the message."""

import time

import pytest
from django.utils import timezone
from saleor.celeryconf import app
from saleor.order import OrderEvents

from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage
from saleor_tracking_plugin.notifications.tasks import dispatch_outbox_task

from .providers import TWILIO, merchant_with, recorded
from .real_worker import FakeProvider, celery_worker, kill_hard, redis_broker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

WORKER_TIMEOUT = 120  # seconds: a cold Saleor worker start on a busy machine included
TWILIO_SERVER_ERROR = {
    "code": 20500,
    "message": "An internal server error has occurred",
    "more_info": "https://www.twilio.com/docs/errors/20500",
    "status": 500,
}


def _status(message: OutboxMessage) -> str:
    return OutboxMessage.objects.values_list("status", flat=True).get(pk=message.pk)


def test_a_failing_sms_provider_is_retried_by_the_worker_and_then_succeeds(turkish_order):
    # given Twilio answers the first request with a server error, then accepts the message
    answers = [(500, TWILIO_SERVER_ERROR), (201, recorded("twilio/message_created"))]
    with FakeProvider(answers=answers) as twilio:
        merchant_with("sms", twilio_api_url=twilio.url, notification_retry_base_seconds=1, **TWILIO)
        with redis_broker(), celery_worker(name="retry"):
            # when the shipped SMS is queued
            [message] = notify(
                turkish_order, "shipped", dedupe_key="worker", context={"carrier": "Aras Kargo"}
            )

            # then the worker retries after the back-off and the message is sent
            wait_for(lambda: _status(message) == MessageStatus.SENT, WORKER_TIMEOUT, "sent")

    message.refresh_from_db()
    assert message.attempts == 2
    assert message.provider_message_id == "SM1f0e8ae6ade43cb3c0ce4525424e404f"
    assert len(twilio.received) == 2
    assert twilio.received[0].body == twilio.received[1].body
    assert "Aras+Kargo" in twilio.received[1].body.decode()


def test_a_worker_killed_mid_send_neither_loses_nor_duplicates_the_message(turkish_order):
    # the beat schedule runs the dispatcher that takes over expired leases
    entry = app.conf.beat_schedule["saleor-tracking-plugin-dispatch-outbox"]
    assert entry["task"] == dispatch_outbox_task.name

    # given a CRM that holds the first request open (the worker will die waiting)
    with FakeProvider(answers=["hang", (200, {"ok": True})]) as crm:
        merchant_with("webhook", crm_webhook_url=f"{crm.url}/hooks", crm_webhook_secret="s3cret")
        with redis_broker():
            with celery_worker(lease_seconds=3, name="doomed") as doomed:
                [message] = notify(turkish_order, "shipped", dedupe_key="crash")
                wait_for(lambda: len(crm.received) == 1, WORKER_TIMEOUT, "the first call")

                # when the worker is killed in the middle of the send
                kill_hard(doomed)

            held = OutboxMessage.objects.get(pk=message.pk)
            assert held.status == MessageStatus.SENDING  # nobody finished it...
            assert held.lease_until is not None  # ...and its lease will run out

            # then, once the lease has expired, the dispatcher hands it to another worker
            with celery_worker(lease_seconds=3, name="survivor"):
                wait_for(lambda: timezone.now() > held.lease_until, 10, "the lease to expire")
                dispatch_outbox_task.delay()
                wait_for(lambda: _status(message) == MessageStatus.SENT, WORKER_TIMEOUT, "sent")
            # and nothing sends it again later
            dispatch_outbox_task.apply()
            time.sleep(0.5)

    message.refresh_from_db()
    assert message.attempts == 2
    # the CRM saw the same delivery twice, with the same idempotency key and the same body,
    # so it keeps one: the message is neither lost nor duplicated
    first, second = crm.received
    assert first.headers["X-STP-Delivery"] == str(message.idempotency_key)
    assert second.headers["X-STP-Delivery"] == str(message.idempotency_key)
    assert first.body == second.body
    assert len({request.headers["X-STP-Delivery"] for request in crm.received}) == 1
    sent_entries = turkish_order.events.filter(
        type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION,
        parameters__outbox_message_id=message.pk,
    )
    assert sent_entries.count() == 1
