"""The plugin's settings, as merchants edit them in Saleor's plugin settings.

Each capability declares its fields next to its code; this module gathers them into Saleor's
`DEFAULT_CONFIGURATION` and `CONFIG_STRUCTURE`, and reads the saved values back (typed) for
code that runs outside a plugin instance, such as Celery tasks.
"""

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .shop_channels import channel_identity_lines

logger = logging.getLogger(__name__)

T = TypeVar("T")

# Saleor's ConfigurationTypeField values, repeated as plain strings so that pure modules can
# declare fields without importing Saleor.
STRING = "String"
MULTILINE = "Multiline"
BOOLEAN = "Boolean"
SECRET = "Secret"


# A validator takes the value as saved and returns what is wrong with it and how to fix it,
# or None when the value is usable. Every field has one (see `ConfigField.check`), so a new
# setting cannot skip validation.
Validator = Callable[[Any], str | None]


def _text(raw: Any) -> str:
    return "" if raw is None else str(raw).strip()


def free_text(raw: Any) -> str | None:
    """Any text is fine (addresses, messages, secrets)."""
    return None


def integer(minimum: int = 0, maximum: int = 1_000_000) -> Validator:
    """A whole number within bounds."""

    def check(raw: Any) -> str | None:
        text = _text(raw)
        if not text.lstrip("-").isdigit() or not minimum <= int(text) <= maximum:
            return f"enter a whole number from {minimum} to {maximum}, e.g. {max(minimum, 1)}"
        return None

    return check


def boolean(raw: Any) -> str | None:
    """On or off."""
    if isinstance(raw, bool) or _text(raw).lower() in {"true", "false", "1", "0", "yes", "no"}:
        return None
    return "choose on or off (true or false)"


def time_zone(raw: Any) -> str | None:
    """An IANA time zone name."""
    try:
        ZoneInfo(_text(raw))
    except (ValueError, ZoneInfoNotFoundError):
        return "enter an IANA time zone with its region, e.g. Europe/Istanbul"
    return None


_CLOCK = r"([01]\d|2[0-3]):[0-5]\d"


def clock(raw: Any) -> str | None:
    """A shop-time clock reading HH:MM."""
    if not re.fullmatch(_CLOCK, _text(raw)):
        return "enter a time as HH:MM (24-hour), e.g. 09:00"
    return None


def clock_or_empty(raw: Any) -> str | None:
    """A shop-time clock reading HH:MM, or nothing."""
    text = _text(raw)
    if text and not re.fullmatch(_CLOCK, text):
        return "enter a time as HH:MM (24-hour), e.g. 21:00, or leave it empty"
    return None


def one_of(*options: str, allow_empty: bool = False) -> Validator:
    """One word from a fixed list."""

    def check(raw: Any) -> str | None:
        text = _text(raw).lower()
        if (allow_empty and not text) or text in options:
            return None
        empty = " or leave it empty" if allow_empty else ""
        return f"enter one of {', '.join(options)}{empty}"

    return check


def words(raw: Any) -> list[str]:
    """The words of a comma- or line-separated list, lower case."""
    return [w.strip().lower() for w in _text(raw).replace("\n", ",").split(",") if w.strip()]


def list_of(*options: str, allow_empty: bool = True) -> Validator:
    """A comma-separated list of words from a fixed list."""

    def check(raw: Any) -> str | None:
        unknown = [word for word in words(raw) if word not in options]
        if unknown:
            return f"{', '.join(unknown)} is not one of {', '.join(options)}"
        if not allow_empty and not words(raw):
            return f"name at least one of {', '.join(options)}"
        return None

    return check


def slug_list(raw: Any) -> str | None:
    """Comma-separated slugs or IDs: letters, digits, dashes, underscores, = for base64 IDs."""
    bad = [word for word in words(raw) if not re.fullmatch(r"[\w\-=+/:]+", word)]
    if bad:
        return f"'{bad[0]}' is not a slug or ID; separate entries with commas"
    return None


def carrier_code(allow_empty: bool = True) -> Validator:
    """A carrier the plugin knows, by code or name."""

    def check(raw: Any) -> str | None:
        from .carriers.registry import all_carriers, get_carrier

        text = _text(raw)
        if (allow_empty and not text) or get_carrier(text):
            return None
        codes = ", ".join(carrier.code for carrier in all_carriers())
        return f"'{text}' is not a known carrier; use one of {codes}"

    return check


def key_value_lines(value_check: Validator, value_hint: str) -> Validator:
    """`carrier=value` lines, one per line, each carrier known; # starts a comment."""

    def check(raw: Any) -> str | None:
        from .carriers.registry import get_carrier

        for number, line in enumerate(_text(raw).splitlines(), start=1):
            content = line.split("#", 1)[0].strip()
            if not content:
                continue
            key, sign, value = content.partition("=")
            if not sign:
                return f"line {number} ('{content}') needs the form carrier={value_hint}"
            if not get_carrier(key.strip()):
                return f"line {number}: '{key.strip()}' is not a known carrier code"
            problem = value_check(value.strip())
            if problem:
                return f"line {number}: {problem}"
        return None

    return check


def url(allow_empty: bool = True) -> Validator:
    """An absolute http(s) URL."""

    def check(raw: Any) -> str | None:
        text = _text(raw)
        if allow_empty and not text:
            return None
        parts = urlsplit(text)
        if parts.scheme not in {"http", "https"} or not parts.netloc or " " in text:
            empty = ", or leave it empty" if allow_empty else ""
            return f"enter a full URL starting with https://{empty}"
        return None

    return check


def amount_or_empty(raw: Any) -> str | None:
    """A money amount in the channel's currency, e.g. 1500 or 1500.50, or nothing."""
    text = _text(raw).replace(",", ".")
    if text and not re.fullmatch(r"\d+(\.\d{1,3})?", text):
        return "enter an amount such as 1500 or 1500.50, or leave it empty for no limit"
    return None


def identifier(raw: Any) -> str | None:
    """A key or name without spaces."""
    if not re.fullmatch(r"[\w.\-:]+", _text(raw)):
        return "enter a single word (letters, digits, . _ - :), e.g. carrier"
    return None


def credential(raw: Any) -> str | None:
    """An account id, user name or key: one word, or nothing."""
    if re.search(r"\s", _text(raw)):
        return "paste it without spaces or line breaks"
    return None


def pattern(regex: str, hint: str) -> Validator:
    """Text matching a regular expression, or nothing."""

    def check(raw: Any) -> str | None:
        text = _text(raw)
        if text and not re.fullmatch(regex, text):
            return f"{hint}, or leave it empty"
        return None

    return check


@dataclass(frozen=True)
class ConfigField:
    """One merchant setting: its name, default, Saleor field type, help text and validator.

    Without an explicit validator, numbers and switches are checked by their default's type
    and secrets accept any text; every other field must declare one (a test walks them all).
    `empty_is_off`: a value the merchant emptied stays empty (e.g. quiet hours turned off)
    instead of bringing back the default; a value never saved is the default.
    """

    name: str
    default: Any
    label: str
    help_text: str
    type: str = STRING
    validator: Validator | None = None
    empty_is_off: bool = False

    @property
    def check(self) -> Validator | None:
        """The validator of this field: declared, or implied by its type."""
        if self.validator is not None:
            return self.validator
        if isinstance(self.default, bool) or self.type == BOOLEAN:
            return boolean
        if isinstance(self.default, int):
            return integer()
        if self.type == SECRET:
            return free_text
        return None

    def problem(self, raw: Any) -> str | None:
        """What is wrong with a value the merchant saves for this field, or None."""
        check = self.check
        if raw is None or check is None:
            return None
        return check(raw)

    def parse(self, raw: Any) -> Any:
        """The saved value in the default's type; the default when the value is unusable."""
        if raw is None:
            return self.default
        if raw == "":
            return "" if self.empty_is_off else self.default
        if isinstance(self.default, bool):
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in {"true", "1", "yes", "on"}
        if isinstance(self.default, int):
            try:
                return int(str(raw).strip())
            except ValueError:
                logger.warning(
                    "Setting %s=%r is not a number; using %s", self.name, raw, self.default
                )
                return self.default
        return raw


DEFAULT_TIMEZONE = "Europe/Istanbul"

GENERAL_FIELDS = [
    ConfigField(
        name="local_timezone",
        default=DEFAULT_TIMEZONE,
        label="Shop time zone",
        help_text=(
            "IANA time zone for times shown to shoppers and for business days and quiet "
            "hours, e.g. Europe/Istanbul."
        ),
        validator=time_zone,
    ),
    ConfigField(
        name="shop_logo_url",
        default="",
        label="Shop logo URL",
        help_text=(
            "https address of your logo, shown at the top of hosted pages and emails. Empty: "
            "the shop's name only (from Saleor's site settings)."
        ),
        validator=url(),
    ),
    ConfigField(
        name="shop_identity_by_channel",
        default="",
        label="Shop name and contact per channel",
        help_text=(
            "For channels that sell under another name or contact: one "
            "<channel slug>.<name|email|phone|logo>=<value> per line, e.g. "
            "demo-tr.name=Örnek Mağaza, demo-tr.phone=+90 212 555 01 01, "
            "demo-en.logo=https://cdn.example.com/logo-en.png. Shown on the hosted pages and in "
            "the messages of that channel's orders. What a channel does not name comes from "
            "Saleor's site settings (and the channel's name), the logo from Shop logo URL."
        ),
        type=MULTILINE,
        validator=channel_identity_lines,
    ),
]

# Settings a new merchant needs first, in this order; every other field follows, grouped by
# capability. Labels carry the group as a prefix, because Saleor's settings screen is one list.
ESSENTIAL_FIELDS = (
    "local_timezone",
    "default_carrier",
    "return_window_days",
    "return_carrier",
    "return_address",
    "return_reasons",
    "return_merchant_pays_shipping_for",
    "shop_logo_url",
    "sms_provider",
)
ESSENTIAL_GROUP = "Essentials"


def _capability_groups() -> list[tuple[str, list[ConfigField]]]:
    from .carriers.config import FIELDS as CARRIER_FIELDS
    from .delays.config import FIELDS as DELAY_FIELDS
    from .notifications.config import fields as notification_fields
    from .returns.config import FIELDS as RETURNS_FIELDS
    from .surveys.config import FIELDS as SURVEY_FIELDS
    from .tracking.config import FIELDS as TRACKING_FIELDS

    return [
        ("Shop", GENERAL_FIELDS),
        ("Tracking", TRACKING_FIELDS),
        ("Carriers", CARRIER_FIELDS),
        ("Returns", RETURNS_FIELDS),
        ("Delays", DELAY_FIELDS),
        ("Messages", notification_fields()),
        ("Surveys", SURVEY_FIELDS),
    ]


@cache
def _ordered_fields() -> tuple[ConfigField, ...]:
    by_name: dict[str, ConfigField] = {}
    grouped: list[ConfigField] = []
    for group, fields in _capability_groups():
        for field in fields:
            if field.name in ESSENTIAL_FIELDS:
                by_name[field.name] = replace(field, label=f"{ESSENTIAL_GROUP} · {field.label}")
            else:
                grouped.append(replace(field, label=f"{group} · {field.label}"))
    return (*(by_name[name] for name in ESSENTIAL_FIELDS), *grouped)


@cache
def _fields_by_name() -> dict[str, ConfigField]:
    return {field.name: field for field in _ordered_fields()}


@cache
def _field_types() -> dict[str, type]:
    """Each field's type, as its default has it: what `Settings` reads it as."""
    return {field.name: type(field.default) for field in _ordered_fields()}


def setting_groups() -> list[tuple[str, list[str]]]:
    """Each capability's group of settings, by field name, in the dashboard's order."""
    return [(group, [field.name for field in fields]) for group, fields in _capability_groups()]


def all_fields() -> list[ConfigField]:
    """Every capability's settings, in the order the dashboard shows them: essentials first."""
    return list(_ordered_fields())


def configuration_problems(configuration: list[dict]) -> dict[str, str]:
    """What is wrong with each field of a configuration about to be saved, by field name.

    Each message names the setting and says how to fix it. Names the plugin no longer has
    (left from an older version) are ignored.
    """
    fields = _fields_by_name()
    problems: dict[str, str] = {}
    for item in configuration:
        field = fields.get(item.get("name", ""))
        problem = field.problem(item.get("value")) if field else None
        if field and problem:
            problems[field.name] = f"{field.label}: {problem}."
    if not problems:
        # Only values usable one by one are compared with each other.
        settings = Settings(configuration)
        for cross_check in _cross_checks():
            for name, problem in cross_check(settings).items():
                problems.setdefault(name, f"{fields[name].label}: {problem}.")
    return problems


def _cross_checks() -> list[Callable[["Settings"], dict[str, str]]]:
    from .surveys.config import cross_field_problems as survey_problems

    return [survey_problems]


class Settings:
    """Typed, read-only view of the plugin's saved configuration."""

    def __init__(self, configuration: list[dict] | None = None):
        saved = {item["name"]: item.get("value") for item in configuration or []}
        self._values = {field.name: field.parse(saved.get(field.name)) for field in all_fields()}
        self._typed: dict[Callable, Any] = {}

    def text(self, name: str) -> str:
        """The saved text of a text field (its default when never saved)."""
        return str(self._value(name, str))

    def flag(self, name: str) -> bool:
        """Whether an on/off field is on."""
        return bool(self._value(name, bool))

    def number(self, name: str) -> int:
        """The saved whole number of a number field (its default when unusable)."""
        return int(self._value(name, int))

    def _value(self, name: str, kind: type) -> Any:
        # A typo or a read of the wrong type fails loudly here instead of passing a wrong
        # value on; bool is a subclass of int, so numbers and switches are told apart.
        declared = _field_types().get(name)
        if declared is None:
            raise KeyError(f"The plugin has no setting {name!r}")
        if declared is not kind:
            raise TypeError(f"Setting {name!r} is a {declared.__name__}, not a {kind.__name__}")
        return self._values[name]

    def typed(self, build: Callable[["Settings"], T]) -> T:
        """A capability's frozen settings dataclass, built by `build` once per settings read."""
        if build not in self._typed:
            self._typed[build] = build(self)
        return self._typed[build]

    def local_zone(self) -> ZoneInfo:
        """The shop's time zone (`local_timezone`): its calendar decides business days and the
        dates shoppers see, never Django's `TIME_ZONE`. Istanbul when the setting is no zone."""
        name = self.text("local_timezone")
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            logger.warning("Unknown time zone %r in the plugin settings", name)
            return ZoneInfo(DEFAULT_TIMEZONE)


def load_settings() -> Settings:
    """The saved settings, read once per request or Celery task (see `settings_scope`)."""
    from .settings_scope import current_settings

    return current_settings(read_saved_settings)


def _saved_row() -> tuple[bool, list[dict]]:
    from saleor.plugins.models import PluginConfiguration

    from . import DEFAULT_ACTIVE, PLUGIN_ID

    saved = (
        PluginConfiguration.objects.filter(identifier=PLUGIN_ID)
        .values_list("active", "configuration")
        .first()
    )
    if saved is None:
        return DEFAULT_ACTIVE, []
    return saved[0], list(saved[1] or [])


def _saved_configuration() -> list[dict]:
    return _saved_row()[1]


def read_saved_settings() -> Settings:
    """The saved settings from the database, or the defaults when the merchant has saved none."""
    return Settings(_saved_configuration())


def read_saved_plugin() -> tuple[bool, Settings]:
    """Whether the plugin is active, and its saved settings, in one query."""
    active, configuration = _saved_row()
    return active, Settings(configuration)


def settings_with(changes: list[dict]) -> Settings:
    """The saved settings with some values replaced, e.g. what a merchant typed but has not
    saved yet (to test carrier credentials or preview a text before saving them)."""
    changed = {item["name"]: item.get("value") for item in changes}
    kept = [item for item in _saved_configuration() if item.get("name") not in changed]
    return Settings([*kept, *({"name": n, "value": v} for n, v in changed.items())])
