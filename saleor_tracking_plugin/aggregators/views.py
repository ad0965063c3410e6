"""The aggregator webhook endpoint: /plugins/global/<PLUGIN_ID>/webhooks/<provider>/, and the
same at the front door /tracking/webhooks/<provider>/ (`web/front_door.py`).

Order of checks, cheapest first: method, size, configured secret, signature over the raw
body (constant time), body shape, age, then one INSERT into the inbox (a repeat is
acknowledged, not stored again); the inbox task applies it moments later. Every refusal
is logged with its reason; nothing raises into Saleor.
"""

import logging
from collections.abc import Callable, Sequence

from django.http import HttpRequest, JsonResponse
from django.utils import timezone

from ..carriers.carrier_settings import aggregator_settings
from ..config import Settings, load_settings
from .base import Provider, Rejected
from .providers import PROVIDERS

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024

SettingsRead = Callable[[], Settings]


def webhook_view(request: HttpRequest, provider: str) -> JsonResponse:
    """Receive one delivery of `provider` under Saleor's plugin URL."""
    return receive_delivery(request, provider, (load_settings,))


def receive_delivery(
    request: HttpRequest, provider: str, settings_reads: Sequence[SettingsRead]
) -> JsonResponse:
    """Receive one delivery of `provider`, checking its signature against the secret of each
    of `settings_reads` in turn until one matches (a kept copy, then a fresh read); a read
    may refuse the delivery itself by raising `Rejected`."""
    handler = PROVIDERS.get(provider)
    if handler is None:
        return JsonResponse({"error": "Not found."}, status=404)
    try:
        outcome = _receive(request, handler, settings_reads)
    except Rejected as refusal:
        logger.warning(
            "Refused %s webhook from %s: %s",
            provider,
            request.META.get("REMOTE_ADDR", "?"),
            refusal.reason,
        )
        return JsonResponse({"error": refusal.reason}, status=refusal.status)
    except Exception:
        logger.exception("%s webhook failed; the provider will retry", provider)
        return JsonResponse({"error": "Internal error; retry later."}, status=500)
    return JsonResponse({"status": outcome}, status=200)


def _receive(
    request: HttpRequest, provider: Provider, settings_reads: Sequence[SettingsRead]
) -> str:
    from .actions import accept

    if request.method != "POST":
        raise Rejected(405, "only POST is accepted")
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not (declared.isascii() and declared.isdigit()) or int(declared) > MAX_BODY_BYTES:
        raise Rejected(413, "body too large")
    body = request.body
    if len(body) > MAX_BODY_BYTES:
        raise Rejected(413, "body too large")
    headers = {k.lower(): v for k, v in request.headers.items()}
    for attempt, read in enumerate(settings_reads, start=1):
        try:
            settings = read()
            webhooks = settings.typed(aggregator_settings)
            secret = webhooks.secrets.get(provider.secret_setting, "")
            if not secret:
                raise Rejected(404, f"{provider.name} webhooks are not configured")
            provider.verify(headers, body, secret)
            break
        except Rejected:
            if attempt == len(settings_reads):
                raise
    delivery = provider.parse(body, settings.local_zone())
    if delivery.sent_at is None:
        raise Rejected(400, "delivery carries no time")
    age = timezone.now() - delivery.sent_at
    if age.total_seconds() > webhooks.max_age_minutes * 60:
        raise Rejected(400, f"stale delivery ({int(age.total_seconds() // 60)} minutes old)")
    if age.total_seconds() < -300:
        raise Rejected(400, "delivery dated in the future")
    return accept(delivery, body)
