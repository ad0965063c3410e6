"""Shopper-facing names of shipment statuses, translated."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..tracking.statuses import ShipmentStatus

S = ShipmentStatus

STATUS_LABELS = {
    S.PENDING: _("Preparing your order"),
    S.INFO_RECEIVED: _("Handed to the carrier"),
    S.IN_TRANSIT: _("On its way"),
    S.OUT_FOR_DELIVERY: _("Out for delivery"),
    S.AVAILABLE_FOR_PICKUP: _("Ready for pickup"),
    S.DELIVERED: _("Delivered"),
    S.FAILED_ATTEMPT: _("Delivery attempt failed"),
    S.EXCEPTION: _("Delivery problem"),
    S.DELAYED: _("Delayed"),
    S.RETURNING_TO_SENDER: _("Returning to sender"),
    S.RETURNED: _("Returned to sender"),
    S.EXPIRED: _("No recent carrier updates"),
    S.CANCELLED: _("Cancelled"),
    S.UNKNOWN: _("Status unknown"),
}

_TONES = {
    S.DELIVERED: "ok",
    S.FAILED_ATTEMPT: "warn",
    S.DELAYED: "warn",
    S.EXPIRED: "warn",
    S.EXCEPTION: "bad",
    S.RETURNING_TO_SENDER: "bad",
    S.RETURNED: "bad",
    S.CANCELLED: "bad",
}


def status_label(status: ShipmentStatus) -> Promise:
    """The status, translated lazily: rendered in the language active at render time."""
    return STATUS_LABELS[status]


def status_tone(status: ShipmentStatus) -> str:
    """CSS tone of the status badge: ok, warn, bad or neutral ("")."""
    return _TONES.get(status, "")
