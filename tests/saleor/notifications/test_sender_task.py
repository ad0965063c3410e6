"""Queued messages are sent by one sender task per burst, in batches each claimed at once."""

from datetime import timedelta

import pytest
import responses
from django.db import transaction
from django.utils import timezone

from saleor_tracking_plugin.notifications import actions
from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage
from saleor_tracking_plugin.notifications.tasks import send_due_messages_task

from ...reliability.race import race
from .providers import merchant_with

CRM_URL = "https://crm.example.com/hooks/saleor"


@responses.activate
def test_one_sender_task_sends_every_due_message_once(turkish_order):
    # given three messages queued in one burst whose kick never ran (the broker was down)
    merchant_with("webhook", crm_webhook_url=CRM_URL, crm_webhook_secret="crm-secret")
    responses.post(CRM_URL, status=204)
    for index in range(3):
        notify(turkish_order, "shipped", dedupe_key=f"burst-{index}")

    # when one sender task runs, then another one
    tried = send_due_messages_task()
    again = send_due_messages_task()

    # then each message went out once, with its own idempotency key, and nothing was left
    keys = [call.request.headers["X-STP-Delivery"] for call in responses.calls]
    assert (tried, again) == (3, 0)
    assert len(keys) == len(set(keys)) == 3
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {MessageStatus.SENT}


@responses.activate
def test_messages_queued_in_one_transaction_start_one_sender(turkish_order, after_commit):
    # given the CRM webhook
    merchant_with("webhook", crm_webhook_url=CRM_URL, crm_webhook_secret="crm-secret")
    responses.post(CRM_URL, status=204)

    # when three messages are queued and committed together
    with after_commit():
        for index in range(3):
            notify(turkish_order, "shipped", dedupe_key=f"together-{index}")

    # then all three were sent by the sender their commit started
    assert len(responses.calls) == 3
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {MessageStatus.SENT}


@pytest.mark.django_db(transaction=True)
# The senders race on their own connections: the messages must be committed, and Saleor's
# replica reads of those threads must reach the test database.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("replica_reads_the_test_database")
def test_two_senders_claiming_at_once_take_different_messages(turkish_order):
    # given six CRM messages that become due at the same moment
    merchant_with("webhook", crm_webhook_url=CRM_URL, crm_webhook_secret="crm-secret")
    with transaction.atomic():
        for index in range(6):
            notify(turkish_order, "shipped", dedupe_key=f"race-{index}")
        OutboxMessage.objects.update(not_before=timezone.now() + timedelta(days=1))
    OutboxMessage.objects.update(not_before=timezone.now())

    # when two senders, each on its own connection, claim batches of four at the same instant
    claimed = race(2, lambda: tuple(held.message.pk for held in actions.claim_due(limit=4)))

    # then no message was claimed by both, and all six were claimed, each with its own lease
    first, second = [set(ids) for ids, times in claimed.items() for _ in range(times)]
    assert not first & second
    assert first | second == set(OutboxMessage.objects.values_list("pk", flat=True))
    tokens = OutboxMessage.objects.values_list("lease_token", flat=True)
    assert None not in tokens and len(set(tokens)) == 6
