"""Template filters of the hosted pages."""

from django import template
from django.utils import translation

from ..money import format_money

register = template.Library()


@register.filter
def money(amount, currency: str) -> str:
    """`{{ amount|money:currency }}` in the page's language, e.g. ₺199,90."""
    if amount is None or amount == "":
        return ""
    return format_money(amount, currency, translation.get_language() or "en")
