"""The plugin's settings, as merchants edit them in Saleor's plugin settings.

Each capability declares its fields next to its code; this module gathers them into Saleor's
`DEFAULT_CONFIGURATION` and `CONFIG_STRUCTURE`, and reads the saved values back (typed) for
code that runs outside a plugin instance, such as Celery tasks.
"""

import logging
import zoneinfo
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

# Saleor's ConfigurationTypeField values, repeated as plain strings so that pure modules can
# declare fields without importing Saleor.
STRING = "String"
MULTILINE = "Multiline"
BOOLEAN = "Boolean"
SECRET = "Secret"


@dataclass(frozen=True)
class ConfigField:
    """One merchant setting: its name, default, Saleor field type and help text."""

    name: str
    default: Any
    label: str
    help_text: str
    type: str = STRING

    def parse(self, raw: Any) -> Any:
        """The saved value in the default's type; the default when the value is unusable."""
        if raw is None or raw == "":
            return self.default
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
    ),
]


def all_fields() -> list[ConfigField]:
    """Every capability's settings, in the order the dashboard shows them."""
    from .carriers.config import FIELDS as CARRIER_FIELDS
    from .delays.config import FIELDS as DELAY_FIELDS
    from .notifications.config import fields as notification_fields
    from .returns.config import FIELDS as RETURNS_FIELDS
    from .surveys.config import FIELDS as SURVEY_FIELDS
    from .tracking.config import FIELDS as TRACKING_FIELDS

    return [
        *GENERAL_FIELDS,
        *TRACKING_FIELDS,
        *CARRIER_FIELDS,
        *notification_fields(),
        *RETURNS_FIELDS,
        *DELAY_FIELDS,
        *SURVEY_FIELDS,
    ]


class Settings:
    """Typed, read-only view of the plugin's saved configuration."""

    def __init__(self, configuration: list[dict] | None = None):
        saved = {item["name"]: item.get("value") for item in configuration or []}
        self._values = {field.name: field.parse(saved.get(field.name)) for field in all_fields()}

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def local_zone(self) -> zoneinfo.ZoneInfo:
        """The shop's time zone (`local_timezone`): its calendar decides business days and the
        dates shoppers see, never Django's `TIME_ZONE`. Istanbul when the setting is no zone."""
        name = self._values["local_timezone"]
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            logger.warning("Unknown time zone %r in the plugin settings", name)
            return zoneinfo.ZoneInfo(DEFAULT_TIMEZONE)


def load_settings() -> Settings:
    """The saved settings, or the defaults when the merchant has saved none."""
    from saleor.plugins.models import PluginConfiguration

    from . import PLUGIN_ID

    saved = (
        PluginConfiguration.objects.filter(identifier=PLUGIN_ID)
        .values_list("configuration", flat=True)
        .first()
    )
    return Settings(saved)
