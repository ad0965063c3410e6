"""Per-channel shop identity (setting `shop_identity_by_channel`): the name, contact and logo
shoppers of one Saleor channel see, when a channel sells as another brand or in another
country. Pure: parsing and validation of the setting's lines, no Django.

One `<channel slug>.<what>=<value>` per line, `what` one of name, email, phone, logo; # starts
a comment:

    demo-tr.name=Örnek Mağaza
    demo-tr.phone=+90 212 555 01 01
    demo-en.email=help@example.com
"""

import re
from typing import Any

import phonenumbers

PARTS = ("name", "email", "phone", "logo")
_SLUG = re.compile(r"[a-z0-9][a-z0-9_\-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
EXAMPLE = "demo-tr.name=Örnek Mağaza"


def _lines(raw: Any):
    text = "" if raw is None else str(raw)
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0].strip()
        if content:
            yield number, content


def _split(content: str) -> tuple[str, str, str] | None:
    key, sign, value = content.partition("=")
    slug, dot, part = key.strip().rpartition(".")
    if not sign or not dot:
        return None
    return slug.strip().lower(), part.strip().lower(), value.strip()


def _value_problem(part: str, value: str) -> str | None:
    if not value:
        return "give a value after ="
    if part == "email" and not _EMAIL.fullmatch(value):
        return f"'{value}' is not an email address, e.g. help@example.com"
    if part == "phone":
        try:
            valid = phonenumbers.is_valid_number(phonenumbers.parse(value, None))
        except phonenumbers.NumberParseException:
            valid = False
        if not valid:
            return f"'{value}' is not a phone number with its country code, e.g. +90 212 555 01 01"
    if part == "logo" and (not value.startswith(("https://", "http://")) or " " in value):
        return "the logo must be a full URL starting with https://"
    return None


def channel_identity_lines(raw: Any) -> str | None:
    """Validator of the setting: every line `<channel slug>.<name|email|phone|logo>=<value>`."""
    for number, content in _lines(raw):
        split = _split(content)
        if split is None:
            return f"line {number} ('{content}') needs the form {EXAMPLE}"
        slug, part, value = split
        if not _SLUG.fullmatch(slug):
            return f"line {number}: '{slug}' is not a channel slug (letters, digits, -, _)"
        if part not in PARTS:
            return f"line {number}: '{part}' is not one of {', '.join(PARTS)}"
        problem = _value_problem(part, value)
        if problem:
            return f"line {number}: {problem}"
    return None


def channel_identities(raw: Any) -> dict[str, dict[str, str]]:
    """The overrides by channel slug, e.g. {"demo-tr": {"name": "Örnek Mağaza"}}; unusable
    lines (refused when saved, so only in hand-edited data) are left out."""
    found: dict[str, dict[str, str]] = {}
    for _number, content in _lines(raw):
        split = _split(content)
        if split is None or split[1] not in PARTS or _value_problem(split[1], split[2]):
            continue
        slug, part, value = split
        found.setdefault(slug, {})[part] = value
    return found
