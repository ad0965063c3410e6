"""Royal Mail Tracking API v2 (IBM client id/secret) through `karrio.royalmail`."""

from dataclasses import dataclass

from ...config import SECRET, ConfigField, Settings, credential
from ..connector import ConnectorLimits
from ..karrio_adapter import CarrierErrorCodes, KarrioConnector
from .answers import read_answers
from .status_map import STATUS_MAP

FIELDS = [
    ConfigField(
        "royal_mail_client_id",
        "",
        "Royal Mail client ID",
        "From developer.royalmail.net.",
        validator=credential,
    ),
    ConfigField(
        "royal_mail_client_secret", "", "Royal Mail client secret", "Kept secret.", type=SECRET
    ),
]

# karrio keeps Royal Mail's `httpCode` as the message code.
ERRORS = CarrierErrorCodes(
    authentication=frozenset({"401", "403"}),
    unknown_number=frozenset({"404"}),
)


@dataclass(frozen=True)
class RoyalMailCredentials:
    """The Royal Mail API credentials and whether to use the carriers' test servers."""

    client_id: str
    client_secret: str
    test_mode: bool


def credentials(settings: Settings) -> RoyalMailCredentials:
    """The merchant's Royal Mail API credentials (use as `settings.typed(credentials)`)."""
    return RoyalMailCredentials(
        client_id=settings.text("royal_mail_client_id"),
        client_secret=settings.text("royal_mail_client_secret"),
        test_mode=settings.flag("carrier_sandbox"),
    )


def build_connector(
    account: RoyalMailCredentials, limits: ConnectorLimits
) -> KarrioConnector | None:
    """The Royal Mail connector, or None until the merchant entered its credentials."""
    if not (account.client_id and account.client_secret):
        return None
    return KarrioConnector(
        code="royal_mail",
        karrio_carrier="royalmail",
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
