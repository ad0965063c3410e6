"""USPS Tracking API v3 (OAuth client credentials) through karrio's `karrio.usps` extension."""

from ...config import SECRET, ConfigField, Settings, credential
from ..connector import ConnectorLimits
from ..karrio_adapter import CarrierErrorCodes, KarrioConnector
from .answers import read_answers
from .status_map import STATUS_MAP

FIELDS = [
    ConfigField(
        "usps_client_id", "", "USPS consumer key", "From developers.usps.com.", validator=credential
    ),
    ConfigField("usps_client_secret", "", "USPS consumer secret", "Kept secret.", type=SECRET),
]

ERRORS = CarrierErrorCodes(
    authentication=frozenset({"invalid_client", "unauthorized_client", "401"}),
    unknown_number=frozenset({"404"}),
)


def build_connector(settings: Settings, limits: ConnectorLimits) -> KarrioConnector | None:
    """The USPS connector, or None until the merchant entered USPS credentials."""
    if not (settings.usps_client_id and settings.usps_client_secret):
        return None
    return KarrioConnector(
        code="usps",
        karrio_carrier="usps",
        settings={
            "client_id": settings.usps_client_id,
            "client_secret": settings.usps_client_secret,
            "test_mode": settings.carrier_sandbox,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
