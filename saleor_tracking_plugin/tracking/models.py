from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce

from .statuses import FINISHED_STATUSES, ShipmentStatus

STATUS_CHOICES = [(status.value, status.value) for status in ShipmentStatus]
# Parcels not at an end. The scans only ever look at these, so their indexes are partial:
# delivered parcels, most of the table, cost the scans nothing.
OPEN_STATUS_VALUES = sorted(s.value for s in ShipmentStatus if s not in FINISHED_STATUSES)
_OPEN_OUTBOUND = models.Q(kind="outbound", status__in=OPEN_STATUS_VALUES)


class ShipmentKind(models.TextChoices):
    OUTBOUND = "outbound"
    RETURN = "return"


class EstimateSource(models.TextChoices):
    CARRIER = "carrier"
    TRANSIT_TABLE = "table"
    MANUAL = "manual"


class Shipment(models.Model):
    """A parcel we track: one per fulfillment with a tracking number, or per return parcel."""

    order = models.ForeignKey(
        "order.Order", related_name="tracked_shipments", on_delete=models.CASCADE
    )
    # Kept when Saleor deletes the fulfillment, so the history survives.
    fulfillment = models.OneToOneField(
        "order.Fulfillment",
        related_name="tracked_shipment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    kind = models.CharField(
        max_length=16, choices=ShipmentKind.choices, default=ShipmentKind.OUTBOUND
    )
    carrier_code = models.CharField(max_length=64, blank=True, default="")
    tracking_number = models.CharField(max_length=255, blank=True, default="")
    status = models.CharField(
        max_length=32, choices=STATUS_CHOICES, default=ShipmentStatus.PENDING.value
    )
    status_detail = models.TextField(blank=True, default="")
    carrier_status_code = models.CharField(max_length=64, blank=True, default="")
    estimated_delivery = models.DateField(null=True, blank=True)
    estimated_delivery_source = models.CharField(
        max_length=16, choices=EstimateSource.choices, blank=True, default=""
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_event_at = models.DateTimeField(null=True, blank=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("pk",)
        indexes = [
            models.Index(fields=["status"], name="stp_shipment_status_idx"),
            models.Index(
                fields=["carrier_code", "tracking_number"],
                name="stp_shipment_carrier_nr_idx",
            ),
            # The delay scan: estimates passed, and scans stopped.
            models.Index(
                fields=["estimated_delivery"],
                condition=_OPEN_OUTBOUND,
                name="stp_open_estimate_idx",
            ),
            models.Index(
                Coalesce("last_event_at", "created_at"),
                condition=_OPEN_OUTBOUND,
                name="stp_open_last_scan_idx",
            ),
            # The on-time figure: outbound parcels delivered in a period.
            models.Index(
                fields=["delivered_at"],
                condition=models.Q(kind="outbound", status="delivered"),
                name="stp_delivered_idx",
            ),
            # Polling: the open parcels of one carrier.
            models.Index(
                fields=["carrier_code", "id"],
                condition=models.Q(status__in=OPEN_STATUS_VALUES) & ~models.Q(tracking_number=""),
                name="stp_pollable_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.carrier_code} {self.tracking_number} ({self.status})"


class ShipmentEvent(models.Model):
    """One scan in a shipment's history, stored once per fingerprint."""

    shipment = models.ForeignKey(Shipment, related_name="events", on_delete=models.CASCADE)
    # The number the scan belongs to: a corrected tracking number starts a new history.
    tracking_number = models.CharField(max_length=255, blank=True, default="")
    occurred_at = models.DateTimeField()
    status = models.CharField(max_length=32, choices=STATUS_CHOICES)
    carrier_status_code = models.CharField(max_length=64, blank=True, default="")
    description = models.TextField(blank=True, default="")
    location = models.CharField(max_length=255, blank=True, default="")
    source = models.CharField(max_length=64, blank=True, default="")
    fingerprint = models.CharField(max_length=64)
    recorded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by_app = models.ForeignKey(
        "app.App", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("occurred_at", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["shipment", "tracking_number", "fingerprint"],
                name="stp_shipment_event_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.status}"


class PendingShipmentSync(models.Model):
    """A fulfillment's shipment sync that is queued and has not started yet.

    Saleor calls several hooks for one change (`orderFulfill` with a tracking number calls
    `tracking_number_updated`, `fulfillment_created` and often `fulfillment_approved`): the
    first writes this row and queues the task, the others find it and queue nothing. The task
    deletes the row before it reads the fulfillment (see `sync_queue`).
    """

    fulfillment = models.OneToOneField(
        "order.Fulfillment", primary_key=True, related_name="+", on_delete=models.CASCADE
    )
    # When the task was queued: a row older than `sync_queue.STALE_AFTER` is a lost task's.
    requested_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"shipment sync of fulfillment {self.fulfillment_id} queued {self.requested_at}"
