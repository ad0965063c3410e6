"""The outbox sender's tasks go to a queue of their own when the merchant names one
(STP_NOTIFICATIONS_QUEUE), else to Saleor's default queue; the doctor says when nothing
consumes the named queue."""

import pytest
from saleor.celeryconf import app
from saleor.schedulers.schedulers import DatabaseScheduler

from saleor_tracking_plugin.beat import register_periodic_tasks
from saleor_tracking_plugin.doctor import checks
from saleor_tracking_plugin.doctor.findings import Severity
from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage
from saleor_tracking_plugin.notifications.tasks import send_due_messages_task
from saleor_tracking_plugin.saleor_glue.celery import ping_workers

from .providers import merchant_with
from .real_worker import FakeProvider, celery_worker, redis_broker, wait_for, waiting_tasks

SENDER_QUEUE = "stp-messages"
WORKER_TIMEOUT = 120  # seconds: a cold Saleor worker start on a busy machine included
DISPATCH_ENTRY = "saleor-tracking-plugin-dispatch-outbox"


@pytest.fixture
def crm_merchant():
    """A merchant sending the shipped message to a CRM webhook (nothing is called here)."""
    merchant_with(
        "webhook", crm_webhook_url="http://127.0.0.1:9/hooks", crm_webhook_secret="s3cret"
    )


@pytest.fixture
def no_queue_in_environment(monkeypatch):
    monkeypatch.delenv("STP_NOTIFICATIONS_QUEUE", raising=False)


@pytest.mark.usefixtures("crm_merchant", "no_queue_in_environment")
@pytest.mark.parametrize("named_in", ["django_settings", "environment"])
def test_with_the_setting_the_sender_task_is_published_to_its_own_queue(
    turkish_order, after_commit, settings, monkeypatch, named_in
):
    # given the merchant named a queue for messages, in Django's settings or the environment
    if named_in == "django_settings":
        settings.STP_NOTIFICATIONS_QUEUE = SENDER_QUEUE
    else:
        monkeypatch.setenv("STP_NOTIFICATIONS_QUEUE", SENDER_QUEUE)
    with redis_broker():
        # when a message is queued and committed
        with after_commit():
            notify(turkish_order, "shipped", dedupe_key="own-queue")

        # then the sender task waits in that queue on the broker, not in Saleor's default one
        assert waiting_tasks(SENDER_QUEUE) == [send_due_messages_task.name]
        assert waiting_tasks(app.conf.task_default_queue) == []


@pytest.mark.usefixtures("crm_merchant", "no_queue_in_environment")
@pytest.mark.parametrize("named", [None, ""], ids=["unset", "empty"])
def test_without_the_setting_the_sender_task_goes_to_saleors_default_queue(
    turkish_order, after_commit, settings, named
):
    # given no queue named for messages (absent, or empty)
    if named is not None:
        settings.STP_NOTIFICATIONS_QUEUE = named
    with redis_broker():
        # when a message is queued and committed
        with after_commit():
            notify(turkish_order, "shipped", dedupe_key="default-queue")

        # then the sender task waits in the queue Saleor's plain worker consumes
        assert waiting_tasks(app.conf.task_default_queue) == [send_due_messages_task.name]
        assert waiting_tasks(SENDER_QUEUE) == []


def test_saleors_beat_sends_the_outbox_dispatcher_to_the_sender_queue(db, settings):
    # given the merchant named a queue for messages
    settings.STP_NOTIFICATIONS_QUEUE = SENDER_QUEUE
    try:
        # when the plugin's entries join the schedule and Saleor's beat installs them
        register_periodic_tasks(app)
        dispatch = DatabaseScheduler.Entry.from_entry(
            DISPATCH_ENTRY, app=app, **app.conf.beat_schedule[DISPATCH_ENTRY]
        )
        polling = DatabaseScheduler.Entry.from_entry(
            "saleor-tracking-plugin-poll-carriers",
            app=app,
            **app.conf.beat_schedule["saleor-tracking-plugin-poll-carriers"],
        )
    finally:
        del settings.STP_NOTIFICATIONS_QUEUE
        register_periodic_tasks(app)

    # then the dispatcher's rounds go to the sender queue and polling stays on the default one
    assert dispatch.options["queue"] == SENDER_QUEUE
    assert "queue" not in polling.options


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_consuming_only_the_sender_queue_sends_and_retries_the_message(
    turkish_order, settings
):
    # given a CRM that fails the first call, and the queue named for messages: in the API by
    # Django's setting, in the worker by the environment variable
    settings.STP_NOTIFICATIONS_QUEUE = SENDER_QUEUE
    with FakeProvider(answers=[(500, {}), (200, {"ok": True})]) as crm:
        merchant_with(
            "webhook",
            crm_webhook_url=f"{crm.url}/hooks",
            crm_webhook_secret="s3cret",
            notification_retry_base_seconds=1,
        )
        environment = {"STP_NOTIFICATIONS_QUEUE": SENDER_QUEUE}
        # and the only worker consumes that queue alone
        with (
            redis_broker(),
            celery_worker(name="sender-only", queues=[SENDER_QUEUE], environment=environment),
        ):
            # when a message is queued
            [message] = notify(turkish_order, "shipped", dedupe_key="worker-queue")

            # then that worker sends it, and sends it again after the back-off: the retry the
            # worker queued went to the same queue
            wait_for(
                lambda: OutboxMessage.objects.get(pk=message.pk).status == MessageStatus.SENT,
                WORKER_TIMEOUT,
                "the message sent",
            )
    message.refresh_from_db()
    assert message.attempts == 2
    assert len(crm.received) == 2


def test_unset_the_doctor_tells_that_messages_share_the_default_queue(no_queue_in_environment):
    [finding] = checks.check_sender_queue()
    assert finding.severity == Severity.INFO
    assert "worker -Q <name>" in finding.action


def test_the_doctor_says_so_when_no_worker_answered_about_the_sender_queue(settings, monkeypatch):
    # given the queue is named and no worker runs on the broker
    settings.STP_NOTIFICATIONS_QUEUE = SENDER_QUEUE
    monkeypatch.setattr(checks, "WORKER_PING_SECONDS", 0.5)
    with redis_broker():
        # when the doctor checks the sender queue
        [finding] = checks.check_sender_queue()

    # then it says that no worker answered, so nothing shows the queue is consumed
    assert finding.severity == Severity.WARNING
    assert finding.message.startswith("No Celery worker answered within 0.5 seconds")
    assert f"'{SENDER_QUEUE}'" in finding.message
    assert f"worker -Q {SENDER_QUEUE}" in finding.action


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_doctor_finds_no_worker_consuming_the_sender_queue(settings):
    # given the queue is named but the merchant runs Saleor's plain worker only
    settings.STP_NOTIFICATIONS_QUEUE = SENDER_QUEUE
    with redis_broker(), celery_worker(name="plain"):
        wait_for(lambda: bool(ping_workers(1)), WORKER_TIMEOUT, "the worker to answer")

        # when the doctor checks the sender queue
        [finding] = checks.check_sender_queue()

    # then it is a problem: messages would wait in a queue nobody consumes
    assert finding.severity == Severity.PROBLEM
    assert finding.message == (
        f"1 Celery worker(s) answered and none consumes '{SENDER_QUEUE}' "
        "(STP_NOTIFICATIONS_QUEUE): messages wait there unsent."
    )
    assert f"celery --app saleor.celeryconf:app worker -Q {SENDER_QUEUE}" in finding.action


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_doctor_sees_the_worker_consuming_the_sender_queue(settings):
    settings.STP_NOTIFICATIONS_QUEUE = SENDER_QUEUE
    with redis_broker(), celery_worker(name="both", queues=["celery", SENDER_QUEUE]):
        wait_for(lambda: bool(ping_workers(1)), WORKER_TIMEOUT, "the worker to answer")
        [finding] = checks.check_sender_queue()

    assert finding.severity == Severity.OK
    assert finding.message.startswith(f"Messages go to '{SENDER_QUEUE}', consumed by both@")
