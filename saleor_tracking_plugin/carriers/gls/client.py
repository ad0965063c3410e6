"""GLS Track and Trace API (OAuth client credentials) through karrio's `karrio.gls` extension.

karrio asks `GET /tracking/simple/trackids/{ids}` with up to 10 comma-separated numbers per
request (GLS Track and Trace API v1); its OAuth token (`/oauth2/v2/token`) is kept in the shared
token cache. karrio drops each event's time (it keeps only the date), so the events'
`eventDateTime` (ISO 8601 with offset) is read from GLS's answer (`answers.py`).
"""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class GlsCredentials:
    """The GLS API credentials and whether to use the carriers' test servers."""

    client_id: str
    client_secret: str
    test_mode: bool


def credentials(settings: Settings) -> GlsCredentials:
    """The merchant's GLS API credentials (use as `settings.typed(credentials)`)."""
    return GlsCredentials(
        client_id=settings.text("gls_client_id"),
        client_secret=settings.text("gls_client_secret"),
        test_mode=settings.flag("carrier_sandbox"),
    )


def build_connector(account: GlsCredentials, limits: ConnectorLimits) -> KarrioConnector | None:
    """The GLS connector, or None until the merchant entered GLS API credentials."""
    if not (account.client_id and account.client_secret):
        return None
    return KarrioConnector(
        code="gls",
        karrio_carrier="gls",
        settings={
            "client_id": account.client_id,
            "client_secret": account.client_secret,
            "test_mode": account.test_mode,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
