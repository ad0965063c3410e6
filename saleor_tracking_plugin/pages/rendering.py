"""Rendering hosted pages in the shopper's language."""

import zoneinfo
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ..config import Settings, load_settings
from ..saleor_glue.shop import shop_identity

SUPPORTED_LANGUAGES = ("tr", "en")
DEFAULT_LANGUAGE = "en"


def page_language(request: HttpRequest, order: Any | None = None) -> str:
    """`?lang=` if supported, else the order's language, else English."""
    wanted = (request.GET.get("lang") or "").lower()[:2]
    if wanted in SUPPORTED_LANGUAGES:
        return wanted
    order_language = (getattr(order, "language_code", "") or "").lower()[:2]
    return order_language if order_language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    language: str,
    status: int = 200,
    order: Any | None = None,
) -> HttpResponse:
    """Render a hosted page template in `language`, with times in the shop's time zone and
    the shop's name, logo and contact (as `order`'s channel presents it) in its header and
    footer."""
    shop = shop_identity(load_settings(), order)
    with translation.override(language), timezone.override(shop_timezone()):
        body = render_to_string(
            template, {**context, "language": language, "shop": shop}, request=request
        )
    response = HttpResponse(body, status=status, content_type="text/html; charset=utf-8")
    response["Content-Language"] = language
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def shop_timezone() -> zoneinfo.ZoneInfo:
    """The merchant's configured time zone; Istanbul when the setting is not a valid zone."""
    return load_settings().typed(Settings.local_zone)
