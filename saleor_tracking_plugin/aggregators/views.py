"""The aggregator webhook endpoint: /plugins/global/<PLUGIN_ID>/webhooks/<provider>/.

Order of checks, cheapest first: method, size, configured secret, signature over the raw
body (constant time), body shape, age, then one INSERT into the inbox (a repeat is
acknowledged, not stored again); the inbox task applies it moments later. Every refusal
is logged with its reason; nothing raises into Saleor.
"""

import logging

from django.http import HttpRequest, JsonResponse
from django.utils import timezone

from ..carriers.carrier_settings import aggregator_settings
from ..config import load_settings
from .base import Provider, Rejected
from .providers import PROVIDERS

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024


def webhook_view(request: HttpRequest, provider: str) -> JsonResponse:
    """Receive one delivery of `provider`."""
    handler = PROVIDERS.get(provider)
    if handler is None:
        return JsonResponse({"error": "Not found."}, status=404)
    try:
        outcome = _receive(request, handler)
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


def _receive(request: HttpRequest, provider: Provider) -> str:
    from .actions import accept

    if request.method != "POST":
        raise Rejected(405, "only POST is accepted")
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not (declared.isascii() and declared.isdigit()) or int(declared) > MAX_BODY_BYTES:
        raise Rejected(413, "body too large")
    body = request.body
    if len(body) > MAX_BODY_BYTES:
        raise Rejected(413, "body too large")
    settings = load_settings()
    webhooks = settings.typed(aggregator_settings)
    secret = webhooks.secrets.get(provider.secret_setting, "")
    if not secret:
        raise Rejected(404, f"{provider.name} webhooks are not configured")
    provider.verify({k.lower(): v for k, v in request.headers.items()}, body, secret)
    delivery = provider.parse(body, settings.local_zone())
    if delivery.sent_at is None:
        raise Rejected(400, "delivery carries no time")
    age = timezone.now() - delivery.sent_at
    if age.total_seconds() > webhooks.max_age_minutes * 60:
        raise Rejected(400, f"stale delivery ({int(age.total_seconds() // 60)} minutes old)")
    if age.total_seconds() < -300:
        raise Rejected(400, "delivery dated in the future")
    return accept(delivery, body)
