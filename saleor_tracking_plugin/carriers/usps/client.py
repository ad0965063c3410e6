"""USPS Tracking API v3 (OAuth client credentials) through karrio's `karrio.usps` extension."""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class UspsCredentials:
    """The USPS API credentials and whether to use the carriers' test servers."""

    client_id: str
    client_secret: str
    test_mode: bool


def credentials(settings: Settings) -> UspsCredentials:
    """The merchant's USPS API credentials (use as `settings.typed(credentials)`)."""
    return UspsCredentials(
        client_id=settings.text("usps_client_id"),
        client_secret=settings.text("usps_client_secret"),
        test_mode=settings.flag("carrier_sandbox"),
    )


def build_connector(account: UspsCredentials, limits: ConnectorLimits) -> KarrioConnector | None:
    """The USPS connector, or None until the merchant entered USPS credentials."""
    if not (account.client_id and account.client_secret):
        return None
    return KarrioConnector(
        code="usps",
        karrio_carrier="usps",
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
