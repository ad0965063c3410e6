"""Shopper-facing names of reasons, resolutions and return statuses, translated lazily."""

from django.utils.translation import gettext_lazy as _

from .reasons import Resolution, ReturnReason
from .statuses import ReturnStatus

REASON_LABELS = {
    ReturnReason.SIZE: _("Wrong size"),
    ReturnReason.DAMAGED: _("Arrived damaged"),
    ReturnReason.DEFECTIVE: _("Defective"),
    ReturnReason.WRONG_ITEM: _("Wrong item sent"),
    ReturnReason.NOT_AS_DESCRIBED: _("Not as described"),
    ReturnReason.CHANGED_MIND: _("Changed my mind"),
    ReturnReason.OTHER: _("Other"),
}

RESOLUTION_LABELS = {
    Resolution.REFUND: _("Refund to my original payment"),
    Resolution.STORE_CREDIT: _("Store credit (gift card)"),
}

STATUS_LABELS = {
    ReturnStatus.REQUESTED: _("Requested, awaiting approval"),
    ReturnStatus.APPROVED: _("Approved: please send the parcel"),
    ReturnStatus.REJECTED: _("Rejected"),
    ReturnStatus.CANCELLED: _("Cancelled"),
    ReturnStatus.SHIPPED_BACK: _("On its way back to us"),
    ReturnStatus.RECEIVED: _("Received, being inspected"),
    ReturnStatus.INSPECTED: _("Inspected, refund on its way"),
    ReturnStatus.REFUND_REQUESTED: _("Refund requested from the payment provider"),
    ReturnStatus.REFUNDED: _("Refunded"),
    ReturnStatus.CREDITED: _("Store credit issued"),
    ReturnStatus.CLOSED: _("Closed"),
}
