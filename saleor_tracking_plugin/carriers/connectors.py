"""Which carriers have a connector, and building one from the merchant's settings.

Each connector lives in its carrier's folder as `client.py` with `FIELDS` (its settings),
`credentials(settings)` (their typed view) and `build_connector(credentials, limits)`. Adding
one is the folder's `client.py` plus one line here.
"""

from importlib import import_module
from types import ModuleType

from ..config import ConfigField, Settings
from .batching import numbers_per_request
from .carrier_settings import CarrierSettings, carrier_settings
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


def limits_for(code: str, carriers: CarrierSettings) -> ConnectorLimits:
    """How often and how long the plugin may call this carrier."""
    return ConnectorLimits(
        batch_size=numbers_per_request(code),
        calls_per_minute=carriers.calls_per_minute_of(code),
        timeout_seconds=carriers.timeout_seconds,
    )


def connector_for(code: str, settings: Settings) -> Connector | None:
    """The carrier's connector, or None when it has none or its settings are incomplete."""
    if code not in _CONNECTOR_FOLDERS:
        return None
    client = _client(code)
    return client.build_connector(
        settings.typed(client.credentials), limits_for(code, settings.typed(carrier_settings))
    )
