"""What polling and webhooks remember: per-shipment polling state, carrier health, inbox."""

from django.db import models

from ..tracking.models import Shipment


class ShipmentPolling(models.Model):
    """When a shipment is next asked about, and the last problem asking about it."""

    shipment = models.OneToOneField(
        Shipment, primary_key=True, related_name="polling", on_delete=models.CASCADE
    )
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    # A `connector.Problem` value and the carrier's own words, shown to staff.
    last_error_code = models.CharField(max_length=32, blank=True, default="")
    last_error = models.TextField(blank=True, default="")
    last_error_at = models.DateTimeField(null=True, blank=True)
    # The problem staff were last told about on the order timeline: told once, not per poll.
    reported_error_code = models.CharField(max_length=32, blank=True, default="")

    def __str__(self) -> str:
        return f"polling of shipment {self.shipment_id}"


class CarrierCircuit(models.Model):
    """A carrier's health: consecutive failed calls and, when paused, until when."""

    carrier_code = models.CharField(max_length=64, unique=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    open_until = models.DateTimeField(null=True, blank=True)
    last_error_code = models.CharField(max_length=32, blank=True, default="")
    last_error = models.TextField(blank=True, default="")
    last_failure_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.carrier_code}: {self.consecutive_failures} failures"


class WebhookDelivery(models.Model):
    """One aggregator delivery, stored before it is applied, so a repeat is applied once."""

    class Outcome(models.TextChoices):
        # Accepted and stored; the inbox task applies it (see aggregators/inbox.py).
        PENDING = "pending"
        APPLIED = "applied"
        UNMATCHED = "unmatched"
        # Applying it raised; `detail` says why and `body` keeps what the provider sent.
        FAILED = "failed"

    provider = models.CharField(max_length=32)
    delivery_id = models.CharField(max_length=255)
    tracking_number = models.CharField(max_length=255, blank=True, default="")
    shipment = models.ForeignKey(
        Shipment, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    detail = models.TextField(blank=True, default="")
    # The verified body as received, applied later by the inbox task.
    body = models.TextField(blank=True, default="")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "delivery_id"], name="stp_webhook_delivery_once"
            )
        ]
        indexes = [
            # The inbox task reads the waiting deliveries, oldest first, off this index alone.
            models.Index(
                fields=["id"],
                condition=models.Q(outcome="pending"),
                name="stp_webhook_pending_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.delivery_id} ({self.outcome})"
