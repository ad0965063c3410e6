"""Royal Mail Tracking API v2 (IBM client id/secret) through `karrio.royalmail`."""

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


def build_connector(settings: Settings, limits: ConnectorLimits) -> KarrioConnector | None:
    """The Royal Mail connector, or None until the merchant entered its credentials."""
    if not (settings.royal_mail_client_id and settings.royal_mail_client_secret):
        return None
    return KarrioConnector(
        code="royal_mail",
        karrio_carrier="royalmail",
        settings={
            "client_id": settings.royal_mail_client_id,
            "client_secret": settings.royal_mail_client_secret,
            "test_mode": settings.carrier_sandbox,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
