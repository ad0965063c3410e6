"""UPS Tracking API (v1, OAuth client credentials) through karrio's `karrio.ups` extension."""

from ...config import SECRET, ConfigField, Settings, credential
from ..connector import ConnectorLimits
from ..karrio_adapter import CarrierErrorCodes, KarrioConnector
from .answers import read_answers
from .status_map import STATUS_MAP

FIELDS = [
    ConfigField(
        "ups_client_id",
        "",
        "UPS client ID",
        "From your app on developer.ups.com.",
        validator=credential,
    ),
    ConfigField("ups_client_secret", "", "UPS client secret", "Kept secret.", type=SECRET),
    ConfigField(
        "ups_account_number",
        "",
        "UPS account number",
        "Your 6-character shipper no.",
        validator=credential,
    ),
]

# UPS OAuth and Track API error codes (developer.ups.com, "Errors" of each API).
ERRORS = CarrierErrorCodes(
    authentication=frozenset({"10401", "250002", "250003", "250007"}),
    unknown_number=frozenset({"TW0001", "151018", "151044", "154030"}),
)


def build_connector(settings: Settings, limits: ConnectorLimits) -> KarrioConnector | None:
    """The UPS connector, or None until the merchant entered UPS credentials."""
    if not (settings.ups_client_id and settings.ups_client_secret):
        return None
    return KarrioConnector(
        code="ups",
        karrio_carrier="ups",
        settings={
            "client_id": settings.ups_client_id,
            "client_secret": settings.ups_client_secret,
            "account_number": settings.ups_account_number or None,
            "test_mode": settings.carrier_sandbox,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
