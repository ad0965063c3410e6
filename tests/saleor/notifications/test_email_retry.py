"""A failing mail server does not lose the message: it is retried with back-off."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time
from saleor.order import OrderEvents

from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import MessageStatus
from saleor_tracking_plugin.notifications.retry_policy import MAX_ATTEMPTS
from saleor_tracking_plugin.notifications.tasks import dispatch_outbox_task

from .flaky_mail import FlakyEmailBackend


@pytest.fixture
def flaky_mail_server(settings):
    settings.EMAIL_BACKEND = "tests.saleor.notifications.flaky_mail.FlakyEmailBackend"
    yield FlakyEmailBackend
    FlakyEmailBackend.failures_left = 0


def test_a_message_the_mail_server_refused_is_sent_after_the_back_off(
    turkish_order, email_only, flaky_mail_server, after_commit
):
    # given a mail server that drops the first connection
    flaky_mail_server.failures_left = 1

    # when the message is queued
    with after_commit():
        [message] = notify(turkish_order, "shipped", dedupe_key="retry")

    # then it waits for a retry a minute later (the default first delay)
    message.refresh_from_db()
    assert mail.outbox == []
    assert message.status == MessageStatus.QUEUED
    assert message.attempts == 1
    assert "SMTPServerDisconnected" in message.last_error
    assert timedelta(seconds=55) < message.not_before - timezone.now() <= timedelta(seconds=60)

    # and the dispatcher sends nothing before that
    assert dispatch_outbox_task() == 0

    # when the dispatcher runs after the delay, it is sent once
    with freeze_time(message.not_before + timedelta(seconds=1)):
        assert dispatch_outbox_task() == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.attempts == 2
    assert len(mail.outbox) == 1


def test_a_message_that_keeps_failing_is_given_up_and_shown_to_staff(
    turkish_order, email_only, flaky_mail_server, after_commit
):
    flaky_mail_server.failures_left = 100
    with after_commit():
        [message] = notify(turkish_order, "shipped", dedupe_key="hopeless")

    for _ in range(MAX_ATTEMPTS):
        message.refresh_from_db()
        with freeze_time(message.not_before + timedelta(seconds=1)):
            dispatch_outbox_task()

    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.attempts == MAX_ATTEMPTS
    assert mail.outbox == []
    failed = turkish_order.events.filter(
        type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION,
        parameters__message__icontains="failed after 6 attempt(s)",
    )
    assert failed.count() == 1


def test_without_an_email_backend_a_message_fails_once_with_the_fix_as_its_reason(
    turkish_order, email_only, settings, after_commit
):
    # given a Saleor started with an empty EMAIL_URL (Saleor leaves EMAIL_BACKEND empty)
    settings.EMAIL_BACKEND = ""

    # when a message is queued and the dispatcher runs again later
    with after_commit():
        [message] = notify(turkish_order, "shipped", dedupe_key="no-backend")
    with freeze_time(timezone.now() + timedelta(hours=2)):
        dispatch_outbox_task()

    # then it failed at the first attempt, not retried, and the reason names the setting
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.attempts == 1
    assert "EMAIL_URL is empty" in message.last_error
    assert "ImportError" not in message.last_error
