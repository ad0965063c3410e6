"""The outbox of customer messages and the customers' channel choices."""

import uuid

from django.db import models

from .catalog import Category, Channel

CHANNEL_CHOICES = [(channel.value, channel.value) for channel in Channel]
CATEGORY_CHOICES = [(category.value, category.value) for category in Category]


class MessageStatus(models.TextChoices):
    QUEUED = "queued"  # waiting for its time (now, after quiet hours, or a retry back-off)
    SENDING = "sending"  # claimed by a worker until `lease_until`
    SENT = "sent"  # the provider accepted it
    FAILED = "failed"  # given up: a permanent error or too many attempts
    CANCELLED = "cancelled"  # not needed any more: superseded, or the customer opted out


class OutboxMessage(models.Model):
    """One message to one customer on one channel, written before it is sent.

    The unique (order, message type, dedupe key, channel) makes repeated hooks and carrier
    events harmless; the lease makes a worker that died mid-send recoverable.
    """

    order = models.ForeignKey(
        "order.Order", related_name="tracking_messages", on_delete=models.CASCADE
    )
    message_type = models.CharField(max_length=64)
    dedupe_key = models.CharField(max_length=255)
    # What the message is about (e.g. "shipment:12"): a newer milestone of the same thread
    # replaces older ones still waiting.
    thread = models.CharField(max_length=255, blank=True, default="")
    channel = models.CharField(max_length=16, choices=CHANNEL_CHOICES)
    category = models.CharField(max_length=16, choices=CATEGORY_CHOICES)
    recipient = models.CharField(max_length=255)
    language = models.CharField(max_length=8)
    subject = models.TextField(blank=True, default="")
    body = models.TextField(blank=True, default="")
    body_html = models.TextField(blank=True, default="")
    # The facts the texts were made from (also the CRM webhook's payload).
    facts = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=16, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    not_before = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=0)
    lease_until = models.DateTimeField(null=True, blank=True)
    lease_token = models.UUIDField(null=True, blank=True)
    # Sent to providers that deduplicate on it, so a resend after a crash is not a duplicate.
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    provider = models.CharField(max_length=32, blank=True, default="")
    provider_message_id = models.CharField(max_length=255, blank=True, default="")
    last_error = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["order", "message_type", "dedupe_key", "channel"],
                name="stp_outbox_message_once",
            )
        ]
        indexes = [
            models.Index(fields=["status", "not_before"], name="stp_outbox_due_idx"),
            models.Index(fields=["status", "lease_until"], name="stp_outbox_lease_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.message_type} via {self.channel} to {self.recipient} ({self.status})"


class ContactPreference(models.Model):
    """A customer's choice for one address, channel and category of messages.

    Saleor has no per-channel consent, so the plugin keeps its own. Transactional messages are
    sent unless the customer unsubscribed; marketing messages only after an explicit opt-in.
    """

    address = models.CharField(max_length=255)  # lower-case email or E.164 phone number
    channel = models.CharField(max_length=16, choices=CHANNEL_CHOICES)
    category = models.CharField(max_length=16, choices=CATEGORY_CHOICES)
    subscribed = models.BooleanField()
    source = models.CharField(max_length=64, blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["address", "channel", "category"], name="stp_contact_preference_once"
            )
        ]

    def __str__(self) -> str:
        state = "in" if self.subscribed else "out"
        return f"{self.address} opted {state} of {self.category} {self.channel}"
