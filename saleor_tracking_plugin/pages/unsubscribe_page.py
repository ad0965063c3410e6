"""The hosted unsubscribe page: a signed link stops one channel and category of messages.

GET shows what the link stops and a button; POST records the choice (so a mail scanner that
follows links unsubscribes nobody). RFC 8058 one-click POSTs from mail clients work as well.
The signed token is the authority, which is why no session or CSRF token is needed.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from ..notifications.catalog import Category, Channel
from ..notifications.consent import set_preference
from ..notifications.unsubscribe import subscription_from_token
from .rendering import SUPPORTED_LANGUAGES, render_page

CHANNEL_LABELS = {
    Channel.EMAIL: _("emails"),
    Channel.SMS: _("text messages (SMS)"),
    Channel.WHATSAPP: _("WhatsApp messages"),
}
CATEGORY_LABELS = {
    Category.TRANSACTIONAL: _("about your orders"),
    Category.MARKETING: _("with offers and news"),
}


def unsubscribe_page(request: HttpRequest) -> HttpResponse:
    """GET/POST /pages/unsubscribe/?t=<signed token>[&lang=tr|en]."""
    token = request.GET.get("t", "")
    subscription = subscription_from_token(token)
    wanted = (request.GET.get("lang") or "").lower()[:2]
    language = wanted if wanted in SUPPORTED_LANGUAGES else "en"
    if subscription is None:
        return render_page(
            request, "saleor_tracking_plugin/pages/link_invalid.html", {}, language, status=404
        )
    if wanted not in SUPPORTED_LANGUAGES and subscription.language in SUPPORTED_LANGUAGES:
        language = subscription.language
    state = "confirm"
    if request.method == "POST":
        resubscribe = request.POST.get("action") == "resubscribe"
        set_preference(
            subscription.address,
            subscription.channel,
            subscription.category,
            subscribed=resubscribe,
            source="unsubscribe_page",
        )
        state = "resubscribed" if resubscribe else "unsubscribed"
    context = {
        "token": token,
        "state": state,
        "channel_label": CHANNEL_LABELS.get(subscription.channel, subscription.channel),
        "category_label": CATEGORY_LABELS[subscription.category],
        "address": _masked(subscription.address),
    }
    return render_page(request, "saleor_tracking_plugin/pages/unsubscribe.html", context, language)


def _masked(address: str) -> str:
    """Enough of the address to recognise it, not enough to harvest it."""
    if "@" in address:
        name, domain = address.split("@", 1)
        return f"{name[:2]}***@{domain}"
    return f"{address[:4]}***{address[-2:]}"
