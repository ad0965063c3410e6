"""FedEx Track API (OAuth client credentials) through karrio's `karrio.fedex` extension."""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class FedexCredentials:
    """The FedEx Track API keys and whether to use the carriers' test servers."""

    track_api_key: str
    track_secret_key: str
    test_mode: bool


def credentials(settings: Settings) -> FedexCredentials:
    """The merchant's FedEx Track API keys (use as `settings.typed(credentials)`)."""
    return FedexCredentials(
        track_api_key=settings.text("fedex_api_key"),
        track_secret_key=settings.text("fedex_secret_key"),
        test_mode=settings.flag("carrier_sandbox"),
    )


def build_connector(account: FedexCredentials, limits: ConnectorLimits) -> KarrioConnector | None:
    """The FedEx connector, or None until the merchant entered FedEx Track API keys."""
    if not (account.track_api_key and account.track_secret_key):
        return None
    return KarrioConnector(
        code="fedex",
        karrio_carrier="fedex",
        settings={
            "track_api_key": account.track_api_key,
            "track_secret_key": account.track_secret_key,
            "test_mode": account.test_mode,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
