from django.conf import settings
from django.db import models

from .rules import DelayCause, DelayChoice


class CallOutcome(models.TextChoices):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    VOICEMAIL = "voicemail"
    WRONG_NUMBER = "wrong_number"
    CALL_BACK = "call_back"


class RefundStatus(models.TextChoices):
    PENDING = "pending"  # key recorded, Saleor being asked
    SUCCEEDED = "succeeded"  # the gateway refunded
    REQUESTED = "requested"  # the payment app was asked and reports back to Saleor
    FAILED = "failed"
    UNKNOWN = "unknown"  # the gateway's answer was lost: settled from Saleor's records
    NOTHING_TO_REFUND = "nothing_to_refund"


class BroadcastStatus(models.TextChoices):
    DRAFT = "draft"  # prepared, recipients frozen, nothing queued
    SENDING = "sending"  # a worker queues its messages chunk by chunk
    SENT = "sent"  # every recipient was queued or skipped


class RecipientOutcome(models.TextChoices):
    PENDING = ""  # not reached by the sending yet
    QUEUED = "queued"  # a message waits in the outbox (or was sent)
    SKIPPED = "skipped"  # opted out, or no address on any enabled channel


class OrderDelay(models.Model):
    """A late order: one per order, open until it is delivered or cancelled.

    Holds what the customer chose; the causes found are its `causes`.
    """

    order = models.OneToOneField(
        "order.Order", related_name="tracking_delay", on_delete=models.CASCADE
    )
    opened_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=32, blank=True, default="")
    new_estimate = models.DateField(null=True, blank=True)
    choice = models.CharField(
        max_length=16, blank=True, default="", choices=[(c.value, c.value) for c in DelayChoice]
    )
    chosen_at = models.DateTimeField(null=True, blank=True)
    # The customer agreed to hear about every change until delivery.
    updates_consent = models.BooleanField(default=False)
    # When the rules last looked at the order; the periodic scan skips it for the rest of
    # that shop day.
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-opened_at", "pk")
        indexes = [models.Index(fields=["resolved_at"], name="stp_delay_resolved_idx")]

    def __str__(self) -> str:
        return f"Delay of order {self.order_id}"


class OrderDelayCause(models.Model):
    """One cause of an order's lateness, recorded once when first detected."""

    delay = models.ForeignKey(OrderDelay, related_name="causes", on_delete=models.CASCADE)
    cause = models.CharField(max_length=32, choices=[(c.value, c.value) for c in DelayCause])
    shipment = models.ForeignKey(
        "saleor_tracking_plugin.Shipment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delay_causes",
    )
    detected_at = models.DateTimeField()
    # Refreshed by each scan while the cause lasts.
    days_late = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("detected_at", "pk")
        constraints = [
            models.UniqueConstraint(fields=["delay", "cause"], name="stp_delay_cause_once")
        ]

    def __str__(self) -> str:
        return f"{self.cause} ({self.days_late} days late)"


class DelayCall(models.Model):
    """A phone call staff made about a delay, and how it went."""

    delay = models.ForeignKey(OrderDelay, related_name="calls", on_delete=models.CASCADE)
    outcome = models.CharField(max_length=16, choices=CallOutcome.choices)
    note = models.TextField(blank=True, default="")
    called_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    called_by_app = models.ForeignKey(
        "app.App", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")


class DelayRefund(models.Model):
    """The refund of a delayed order the customer cancelled: recorded before Saleor is asked,
    so a retry never refunds twice."""

    delay = models.OneToOneField(OrderDelay, related_name="refund", on_delete=models.CASCADE)
    idempotency_key = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=32, choices=RefundStatus.choices)
    amount = models.DecimalField(max_digits=20, decimal_places=3, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True, default="")
    detail = models.TextField(blank=True, default="")
    # A staff retry is a new attempt, asked under `<key>#<attempt>`.
    attempts = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)


class DelayBroadcast(models.Model):
    """One message staff send to every customer whose parcel a crisis affects."""

    message = models.TextField()
    carrier_codes = models.JSONField(default=list, blank=True)
    country = models.CharField(max_length=2, blank=True, default="")
    country_area = models.CharField(max_length=128, blank=True, default="")
    city = models.CharField(max_length=256, blank=True, default="")
    shipped_from = models.DateField(null=True, blank=True)
    shipped_to = models.DateField(null=True, blank=True)
    created_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by_app = models.ForeignKey(
        "app.App", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=16, choices=BroadcastStatus.choices, default=BroadcastStatus.DRAFT
    )
    # When staff asked to send it; the sending runs in Celery, chunk by chunk.
    sending_started_at = models.DateTimeField(null=True, blank=True)
    # When the last recipient was queued or skipped.
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "pk")


class DelayBroadcastRecipient(models.Model):
    """A customer a broadcast goes to, frozen when the broadcast is created: once per
    customer (email), about their latest affected order."""

    broadcast = models.ForeignKey(
        DelayBroadcast, related_name="recipients", on_delete=models.CASCADE
    )
    order = models.ForeignKey("order.Order", related_name="+", on_delete=models.CASCADE)
    email = models.CharField(max_length=254)
    # Set in the same transaction as the recipient's outbox rows: a replayed chunk skips it.
    outcome = models.CharField(
        max_length=16, blank=True, default="", choices=RecipientOutcome.choices
    )
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("pk",)
        indexes = [
            # Each chunk takes the next pending recipients of one broadcast.
            models.Index(
                fields=["broadcast", "id"],
                condition=models.Q(outcome=""),
                name="stp_broadcast_pending_idx",
            )
        ]
        constraints = [
            # Erasure blanks the address: several erased customers of one broadcast all
            # hold "", which must not collide.
            models.UniqueConstraint(
                fields=["broadcast", "email"],
                condition=~models.Q(email=""),
                name="stp_broadcast_recipient_once",
            )
        ]
