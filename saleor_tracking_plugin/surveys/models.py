"""Surveys (one per order), complaints with their thread, and the coupons given for ratings."""

from django.conf import settings
from django.db import models

from .rules import ComplaintStatus, HoldReason


class SurveyStatus(models.TextChoices):
    HELD = "held"  # due, but held back (see hold_reason)
    SENT = "sent"
    DROPPED = "dropped"  # held back for longer than the survey window


class Survey(models.Model):
    """The satisfaction survey of one order: the request and the customer's one answer."""

    order = models.OneToOneField(
        "order.Order", related_name="tracking_survey", on_delete=models.CASCADE
    )
    status = models.CharField(max_length=16, choices=SurveyStatus.choices)
    hold_reason = models.CharField(
        max_length=32, blank=True, default="", choices=[(r.value, r.value) for r in HoldReason]
    )
    due_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True, default="")
    topics = models.JSONField(default=list, blank=True)
    contact_consent = models.BooleanField(default=False)
    answered_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Personal details were erased at the customer's request; the score stays for the figures.
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-answered_at", "-pk")
        indexes = [
            models.Index(fields=["answered_at"], name="stp_survey_answered_idx"),
            # The response rate counts the surveys sent in a period.
            models.Index(fields=["sent_at"], name="stp_survey_sent_idx"),
        ]

    def __str__(self) -> str:
        return f"Survey of order {self.order_id}"


class SurveySkip(models.Model):
    """A time the survey was held back, with why: one row each time the reason changes."""

    survey = models.ForeignKey(Survey, related_name="skips", on_delete=models.CASCADE)
    reason = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")


class Complaint(models.Model):
    """An unhappy customer, a task with a deadline: one per order, reopened when they write."""

    order = models.OneToOneField(
        "order.Order", related_name="tracking_complaint", on_delete=models.CASCADE
    )
    survey = models.ForeignKey(
        Survey, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True, default="")
    topics = models.JSONField(default=list, blank=True)
    contact_consent = models.BooleanField(default=False)
    status = models.CharField(
        max_length=16,
        choices=[(s.value, s.value) for s in ComplaintStatus],
        default=ComplaintStatus.OPEN.value,
    )
    opened_at = models.DateTimeField()
    # When staff must have answered: set on opening and on each reopening.
    due_at = models.DateTimeField()
    first_response_at = models.DateTimeField(null=True, blank=True)
    # The first response was within the SLA due time then in force.
    first_response_within_sla = models.BooleanField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    warned_at = models.DateTimeField(null=True, blank=True)
    breached_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("due_at", "pk")
        indexes = [models.Index(fields=["status", "due_at"], name="stp_complaint_due_idx")]

    def __str__(self) -> str:
        return f"Complaint about order {self.order_id} ({self.status})"


class ComplaintMessage(models.Model):
    """One message of a complaint's thread, from the customer or from staff."""

    complaint = models.ForeignKey(Complaint, related_name="messages", on_delete=models.CASCADE)
    from_customer = models.BooleanField()
    body = models.TextField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    app = models.ForeignKey(
        "app.App", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")


class SurveyCoupon(models.Model):
    """The personal voucher code given for a good rating: at most one per survey."""

    survey = models.OneToOneField(Survey, related_name="coupon", on_delete=models.CASCADE)
    # The customer it counts against for the cooldown (lower-cased email).
    customer_email = models.CharField(max_length=254, db_index=True)
    voucher = models.ForeignKey(
        "discount.Voucher", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    code = models.CharField(max_length=255)
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-issued_at", "pk")
