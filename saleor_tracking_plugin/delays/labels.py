"""Customer-facing words for delay causes and choices, translated (TR and EN)."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .rules import DelayCause, DelayChoice

CAUSE_EXPLANATIONS = {
    DelayCause.NOT_SHIPPED: _(
        "Your order is taking longer than we promised to leave our warehouse."
    ),
    DelayCause.OUT_OF_STOCK: _(
        "An item in your order is out of stock at the moment and we are restocking it."
    ),
    DelayCause.CARRIER_DELAY: _("The carrier has reported a delay with your parcel."),
    DelayCause.CARRIER_EXCEPTION: _("The carrier has reported a problem delivering your parcel."),
    DelayCause.NO_SCAN: _(
        "The carrier has not scanned your parcel for a while; we are checking with them."
    ),
    DelayCause.ESTIMATE_PASSED: _("Your parcel did not arrive by its estimated delivery date."),
}

CHOICE_LABELS = {
    DelayChoice.CANCEL: _("Cancel my order and refund me"),
    DelayChoice.WAIT: _("I will wait for the new date"),
    DelayChoice.CHASE: _("Please chase the carrier for me"),
}


def cause_explanation(cause: DelayCause | str) -> Promise:
    """The cause in plain words, rendered in the language active at render time."""
    return CAUSE_EXPLANATIONS[DelayCause(cause)]


def choice_label(choice: DelayChoice | str) -> Promise:
    """The choice as the customer reads it on the page."""
    return CHOICE_LABELS[DelayChoice(choice)]
