"""UPS Tracking API (v1, OAuth client credentials) through karrio's `karrio.ups` extension."""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class UpsCredentials:
    """The UPS API credentials (settings `ups_*`) and whether to use the test servers."""

    client_id: str
    client_secret: str
    account_number: str
    test_mode: bool


def credentials(settings: Settings) -> UpsCredentials:
    """The merchant's UPS API credentials (use as `settings.typed(credentials)`)."""
    return UpsCredentials(
        client_id=settings.text("ups_client_id"),
        client_secret=settings.text("ups_client_secret"),
        account_number=settings.text("ups_account_number"),
        test_mode=settings.flag("carrier_sandbox"),
    )


def build_connector(account: UpsCredentials, limits: ConnectorLimits) -> KarrioConnector | None:
    """The UPS connector, or None until the merchant entered UPS credentials."""
    if not (account.client_id and account.client_secret):
        return None
    return KarrioConnector(
        code="ups",
        karrio_carrier="ups",
        settings={
            "client_id": account.client_id,
            "client_secret": account.client_secret,
            "account_number": account.account_number or None,
            "test_mode": account.test_mode,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
