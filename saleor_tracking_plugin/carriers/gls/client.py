"""GLS Track and Trace API (OAuth client credentials) through karrio's `karrio.gls` extension.

karrio asks `GET /tracking/simple/trackids/{ids}` with up to 10 comma-separated numbers per
request (GLS Track and Trace API v1); its OAuth token (`/oauth2/v2/token`) is kept in the shared
token cache. karrio drops each event's time (it keeps only the date), so the events'
`eventDateTime` (ISO 8601 with offset) is read from GLS's answer (`answers.py`).
"""

from ...config import SECRET, ConfigField, Settings, credential
from ..connector import ConnectorLimits
from ..karrio_adapter import CarrierErrorCodes, KarrioConnector
from .answers import read_answers
from .status_map import STATUS_MAP

FIELDS = [
    ConfigField(
        "gls_client_id",
        "",
        "GLS client ID",
        "From dev-portal.gls-group.net.",
        validator=credential,
    ),
    ConfigField("gls_client_secret", "", "GLS client secret", "Kept secret.", type=SECRET),
]

# GLS answers refused credentials with OAuth errors and unknown parcels with a per-parcel
# `errorCode` (Track and Trace API, "ParcelsResponseDTO").
ERRORS = CarrierErrorCodes(
    authentication=frozenset({"invalid_client", "unauthorized_client", "401"}),
    unknown_number=frozenset({"NOT_FOUND", "PARCEL_NOT_FOUND", "404"}),
)


def build_connector(settings: Settings, limits: ConnectorLimits) -> KarrioConnector | None:
    """The GLS connector, or None until the merchant entered GLS API credentials."""
    if not (settings.gls_client_id and settings.gls_client_secret):
        return None
    return KarrioConnector(
        code="gls",
        karrio_carrier="gls",
        settings={
            "client_id": settings.gls_client_id,
            "client_secret": settings.gls_client_secret,
            "test_mode": settings.carrier_sandbox,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
