"""Which carriers have a connector, and building one from the merchant's settings.

Each connector lives in its carrier's folder as `client.py` with `FIELDS` (its settings) and
`build_connector(settings, limits)`. Adding one is the folder's `client.py` plus one line here.
"""

from importlib import import_module
from types import ModuleType

from ..config import ConfigField, Settings
from .batching import numbers_per_request
from .connector import Connector, ConnectorLimits

_CONNECTOR_FOLDERS: tuple[str, ...] = (
    "yurtici",
    "aras",
    "mng",
    "ups",
    "ups_tr",
    "fedex",
    "dhl_express",
    "usps",
    "royal_mail",
    "dpd",
    "gls",
)

# Calls per minute when the merchant sets none: well under each carrier's published or
# observed limit, so tracking never competes with the merchant's own label printing.
DEFAULT_CALLS_PER_MINUTE: dict[str, int] = {
    "yurtici": 30,
    "aras": 30,
    "mng": 30,
    "ups": 60,
    "ups_tr": 30,
    "fedex": 60,
    "dhl_express": 30,
    "usps": 60,
    "royal_mail": 60,
    "dpd": 30,
    "gls": 30,
}


def _client(code: str) -> ModuleType:
    return import_module(f"{__package__}.{code}.client")


def connector_codes() -> tuple[str, ...]:
    """Codes of the carriers the plugin can ask itself."""
    return _CONNECTOR_FOLDERS


def connector_fields() -> list[ConfigField]:
    """Every connector's credential settings, Turkish carriers first."""
    return [field for code in _CONNECTOR_FOLDERS for field in _client(code).FIELDS]


def connector_field_names(code: str) -> list[str]:
    """The settings one connector reads (its credentials and service URL)."""
    return [field.name for field in _client(code).FIELDS]


def parse_rate_limits(text: str) -> dict[str, int]:
    """The merchant's `carrier=calls per minute` lines; unusable lines are skipped."""
    limits: dict[str, int] = {}
    for line in (text or "").splitlines():
        code, _, value = line.split("#", 1)[0].partition("=")
        if (
            code.strip()
            and value.strip().isascii()
            and value.strip().isdigit()
            and int(value.strip()) > 0
        ):
            limits[code.strip().lower()] = int(value.strip())
    return limits


def limits_for(code: str, settings: Settings) -> ConnectorLimits:
    """How often and how long the plugin may call this carrier."""
    calls = parse_rate_limits(settings.carrier_rate_limits).get(
        code, DEFAULT_CALLS_PER_MINUTE.get(code, 30)
    )
    return ConnectorLimits(
        batch_size=numbers_per_request(code),
        calls_per_minute=calls,
        timeout_seconds=float(settings.carrier_timeout_seconds),
    )


def connector_for(code: str, settings: Settings) -> Connector | None:
    """The carrier's connector, or None when it has none or its settings are incomplete."""
    if code not in _CONNECTOR_FOLDERS:
        return None
    return _client(code).build_connector(settings, limits_for(code, settings))
