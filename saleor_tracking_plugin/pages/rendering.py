"""Rendering hosted pages in the shopper's language."""

import zoneinfo
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ..config import load_settings

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
) -> HttpResponse:
    """Render a hosted page template in `language`, with times in the shop's time zone."""
    with translation.override(language), timezone.override(shop_timezone()):
        body = render_to_string(template, {**context, "language": language}, request=request)
    response = HttpResponse(body, status=status, content_type="text/html; charset=utf-8")
    response["Content-Language"] = language
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def shop_timezone() -> zoneinfo.ZoneInfo:
    """The merchant's configured time zone; Istanbul when the setting is not a valid zone."""
    return load_settings().local_zone()
