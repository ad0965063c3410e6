"""Filling message texts with facts (pure: no Django).

A text is a `str.format` template with named placeholders. Of several alternatives, the first
whose placeholders all have a non-empty value is used.
"""

import string
from collections.abc import Iterable, Mapping
from typing import Any

_FORMATTER = string.Formatter()


def placeholders(text: str) -> set[str]:
    """The names a text refers to, e.g. {"customer_name", "order_number"}."""
    names = set()
    for _literal, name, _spec, _conversion in _FORMATTER.parse(text):
        if name is not None:
            names.add(name.split(".")[0].split("[")[0])
    return names


def is_known(value: Any) -> bool:
    """Whether a fact can be shown: not missing and not blank."""
    return value is not None and str(value).strip() != ""


def fill(text: str, facts: Mapping[str, Any]) -> str | None:
    """The text with its facts filled in, or None when a fact it needs is unknown or the
    text is malformed (a merchant's override with a stray brace)."""
    try:
        needed = placeholders(text)
    except ValueError:
        return None
    if not all(is_known(facts.get(name)) for name in needed):
        return None
    try:
        return text.format_map({name: facts[name] for name in needed})
    except (KeyError, IndexError, ValueError, AttributeError):
        return None


def first_filled(texts: Iterable[str], facts: Mapping[str, Any]) -> str | None:
    """The first alternative whose facts are all known, filled in."""
    for text in texts:
        filled = fill(text, facts)
        if filled is not None:
            return filled
    return None


def split_override(override: str) -> tuple[str, str]:
    """A merchant's override text: an optional first line "Subject: ..." and the body."""
    text = override.strip().replace("\r\n", "\n")
    first, _, rest = text.partition("\n")
    if first.lower().startswith(("subject:", "konu:")):
        return first.split(":", 1)[1].strip(), rest.strip()
    return "", text
