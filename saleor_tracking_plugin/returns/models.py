"""Returns: a customer's request (RMA), its lines, and the refund recorded before it is made."""

from django.conf import settings
from django.db import models

from .reasons import InspectionOutcome, Resolution, ReturnReason
from .statuses import ReturnStatus


def _choices(enum) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]


class Return(models.Model):
    """A return of items of one order, from request to refund or store credit."""

    order = models.ForeignKey("order.Order", related_name="returns", on_delete=models.CASCADE)
    rma = models.CharField(max_length=32, unique=True)
    status = models.CharField(
        max_length=16, choices=_choices(ReturnStatus), default=ReturnStatus.REQUESTED.value
    )
    reason = models.CharField(max_length=32, choices=_choices(ReturnReason))
    comment = models.TextField(blank=True, default="")
    resolution = models.CharField(max_length=16, choices=_choices(Resolution))
    customer_pays_shipping = models.BooleanField(default=False)
    requested_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_as_guest = models.BooleanField(default=False)
    decision_note = models.TextField(blank=True, default="")
    auto_approved = models.BooleanField(default=False)
    return_shipment = models.OneToOneField(
        "saleor_tracking_plugin.Shipment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="return_request",
    )
    # Saleor's returned fulfillment, created when the parcel has been inspected.
    saleor_fulfillment = models.ForeignKey(
        "order.Fulfillment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Owed after inspection; `refunded_amount` is what Saleor recorded as moved (may be less:
    # capped by what was captured).
    refund_amount = models.DecimalField(max_digits=20, decimal_places=3, null=True, blank=True)
    refunded_amount = models.DecimalField(max_digits=20, decimal_places=3, null=True, blank=True)
    close_reason = models.TextField(blank=True, default="")
    currency = models.CharField(max_length=3, blank=True, default="")
    gift_card = models.ForeignKey(
        "giftcard.GiftCard", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    overdue_flagged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)
    inspected_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = [
            models.Index(fields=["status", "created_at"], name="stp_return_status_idx"),
            # Staff lists, newest first: a page is read off the index, not sorted.
            models.Index(fields=["-created_at", "-id"], name="stp_return_newest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.rma} ({self.status})"


class ReturnLine(models.Model):
    """Items of one order line in a return, and what inspection found."""

    return_request = models.ForeignKey(Return, related_name="lines", on_delete=models.CASCADE)
    order_line = models.ForeignKey("order.OrderLine", related_name="+", on_delete=models.CASCADE)
    quantity = models.PositiveIntegerField()
    outcome = models.CharField(
        max_length=16, choices=_choices(InspectionOutcome), blank=True, default=""
    )
    # Items per outcome, e.g. {"resellable": 1, "damaged": 1}; `outcome` is set when all
    # items share one.
    outcome_quantities = models.JSONField(default=dict, blank=True)
    restocked_quantity = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.UniqueConstraint(
                fields=["return_request", "order_line"], name="stp_return_line_once"
            )
        ]


class RefundStatus(models.TextChoices):
    PENDING = "pending"  # key recorded, Saleor being asked
    REQUESTED = "requested"  # the payment app was asked; waiting for Saleor's record
    SUCCEEDED = "succeeded"  # Saleor recorded the money as refunded (or staff confirmed it)
    FAILED = "failed"  # refused: nothing moved, may be retried
    UNKNOWN = "unknown"  # the gateway's answer was lost: settled from Saleor's records


class ReturnRefund(models.Model):
    """A refund or store credit, recorded under its idempotency key before Saleor is called."""

    idempotency_key = models.CharField(max_length=64, unique=True)
    return_request = models.ForeignKey(Return, related_name="refunds", on_delete=models.CASCADE)
    resolution = models.CharField(max_length=16, choices=_choices(Resolution))
    # What is being refunded: the return's value, or less when capped by what was captured.
    amount = models.DecimalField(max_digits=20, decimal_places=3)
    # What was owed when the refund was asked for.
    requested_amount = models.DecimalField(max_digits=20, decimal_places=3, null=True, blank=True)
    currency = models.CharField(max_length=3)
    status = models.CharField(
        max_length=16, choices=RefundStatus.choices, default=RefundStatus.PENDING.value
    )
    # What Saleor answered: a payment transaction, a transaction event or a gift card.
    saleor_reference = models.CharField(max_length=255, blank=True, default="")
    error = models.TextField(blank=True, default="")
    attempts = models.PositiveIntegerField(default=0)
    # When the latest attempt asked Saleor: records written after it may settle it.
    attempt_started_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("pk",)
        indexes = [models.Index(fields=["status"], name="stp_return_refund_status_idx")]
