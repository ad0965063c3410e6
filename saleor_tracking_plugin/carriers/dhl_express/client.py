"""DHL parcels through DHL's Shipment Tracking - Unified API, via `karrio.dhl_universal`.

The Unified API tracks DHL Express waybills (and every other DHL division's numbers) with
one API key from developer.dhl.com; it replaces the XML-PI tracking karrio's `dhl_express`
extension still speaks.
"""

from dataclasses import dataclass

from ...config import SECRET, ConfigField, Settings
from ..connector import ConnectorLimits
from ..karrio_adapter import CarrierErrorCodes, KarrioConnector
from .answers import read_answers
from .status_map import STATUS_MAP

FIELDS = [
    ConfigField(
        "dhl_api_key",
        "",
        "DHL Shipment Tracking API key",
        "The 'Shipment Tracking - Unified' API key from developer.dhl.com. Kept secret.",
        type=SECRET,
    ),
]

# The Unified API answers errors as RFC 7807 problems; karrio keeps `status` as the code.
ERRORS = CarrierErrorCodes(
    authentication=frozenset({"401", "403"}),
    unknown_number=frozenset({"404"}),
)


@dataclass(frozen=True)
class DhlCredentials:
    """The DHL API key (setting `dhl_api_key`) and whether to use the test servers."""

    api_key: str
    test_mode: bool


def credentials(settings: Settings) -> DhlCredentials:
    """The merchant's DHL API key (use as `settings.typed(credentials)`)."""
    return DhlCredentials(
        api_key=settings.text("dhl_api_key"),
        test_mode=settings.flag("carrier_sandbox"),
    )


def build_connector(account: DhlCredentials, limits: ConnectorLimits) -> KarrioConnector | None:
    """The DHL connector, or None until the merchant entered a DHL API key."""
    if not account.api_key:
        return None
    return KarrioConnector(
        code="dhl_express",
        karrio_carrier="dhl_universal",
        settings={
            "consumer_key": account.api_key,
            "consumer_secret": "",
            "test_mode": account.test_mode,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
