"""FedEx Track API (OAuth client credentials) through karrio's `karrio.fedex` extension."""

from ...config import SECRET, ConfigField, Settings, credential
from ..connector import ConnectorLimits
from ..karrio_adapter import CarrierErrorCodes, KarrioConnector
from .answers import read_answers
from .status_map import STATUS_MAP

FIELDS = [
    ConfigField(
        "fedex_api_key",
        "",
        "FedEx Track API key",
        "From developer.fedex.com.",
        validator=credential,
    ),
    ConfigField("fedex_secret_key", "", "FedEx Track secret key", "Kept secret.", type=SECRET),
]

ERRORS = CarrierErrorCodes(
    authentication=frozenset({"NOT.AUTHORIZED.ERROR", "UNAUTHORIZED"}),
    unknown_number=frozenset(
        {"TRACKING.TRACKINGNUMBER.NOTFOUND", "TRACKING.TRACKINGNUMBER.INVALID"}
    ),
)


def build_connector(settings: Settings, limits: ConnectorLimits) -> KarrioConnector | None:
    """The FedEx connector, or None until the merchant entered FedEx Track API keys."""
    if not (settings.fedex_api_key and settings.fedex_secret_key):
        return None
    return KarrioConnector(
        code="fedex",
        karrio_carrier="fedex",
        settings={
            "track_api_key": settings.fedex_api_key,
            "track_secret_key": settings.fedex_secret_key,
            "test_mode": settings.carrier_sandbox,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
