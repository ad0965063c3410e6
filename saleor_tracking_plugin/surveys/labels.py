"""Customer-facing words of surveys: topics and refusals, in TR and EN."""

from django.utils.translation import gettext_lazy as _

from .rules import Topic

TOPIC_LABELS = {
    Topic.DELIVERY_SPEED: _("Delivery speed"),
    Topic.PACKAGING: _("Packaging"),
    Topic.PRODUCT: _("Product"),
    Topic.CUSTOMER_SERVICE: _("Customer service"),
    Topic.OTHER: _("Other"),
}

ERROR_TEXTS = {
    "INVALID_SCORE": _("Choose a score from 1 to 5."),
    "COMMENT_TOO_LONG": _("Your comment is too long: at most 2,000 characters."),
    "MESSAGE_TOO_LONG": _("Your message is too long: at most 2,000 characters."),
    "INVALID_TOPIC": _("Choose topics from the list."),
    "EDIT_WINDOW_CLOSED": _("Your rating can no longer be changed."),
    "NOT_AVAILABLE": _("This order cannot be rated yet."),
    "REQUIRED": _("Please write your message."),
}
GENERIC_ERROR = _("Something was not right. Please check and try again.")
