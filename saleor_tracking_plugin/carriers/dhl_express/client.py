"""DHL parcels through DHL's Shipment Tracking - Unified API, via `karrio.dhl_universal`.

The Unified API tracks DHL Express waybills (and every other DHL division's numbers) with
one API key from developer.dhl.com; it replaces the XML-PI tracking karrio's `dhl_express`
extension still speaks.
"""

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


def build_connector(settings: Settings, limits: ConnectorLimits) -> KarrioConnector | None:
    """The DHL connector, or None until the merchant entered a DHL API key."""
    if not settings.dhl_api_key:
        return None
    return KarrioConnector(
        code="dhl_express",
        karrio_carrier="dhl_universal",
        settings={
            "consumer_key": settings.dhl_api_key,
            "consumer_secret": "",
            "test_mode": settings.carrier_sandbox,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
