"""DPD (Benelux shipper web services: LoginService + ParcelLifeCycleService) via `karrio.dpd`.

karrio's DPD extension logs in with the DELIS id and password (`LoginService/V2_1 getAuth`,
token kept in the shared token cache) and asks `ParcelLifeCycleService/V2_0 getTrackingData`
once per parcel. DPD's scan times are the depot's 12-hour wall clock without a zone, which
karrio misreads; `answers.py` reads them from the answer.
"""

from dataclasses import dataclass

from ...config import SECRET, ConfigField, Settings, credential, one_of
from ..connector import ConnectorLimits
from ..karrio_adapter import CarrierErrorCodes, KarrioConnector
from .answers import read_answers
from .status_map import STATUS_MAP

FIELDS = [
    ConfigField(
        "dpd_delis_id",
        "",
        "DPD DELIS id",
        "Your DPD web services login (DELIS id).",
        validator=credential,
    ),
    ConfigField("dpd_password", "", "DPD password", "Kept secret.", type=SECRET),
    ConfigField(
        "dpd_country",
        "BE",
        "DPD country",
        "BE or NL: the DPD web services your account belongs to.",
        validator=one_of("be", "nl"),
    ),
]

# DPD's SOAP faults (LoginService and ParcelLifeCycleService "Fault codes").
ERRORS = CarrierErrorCodes(
    authentication=frozenset({"LOGIN_5", "LOGIN_6", "LOGIN_7", "LOGIN_8"}),
    unknown_number=frozenset({"PARCEL_1"}),
)


@dataclass(frozen=True)
class DpdCredentials:
    """The DPD DELIS credentials (settings `dpd_*`) and whether to use the test servers."""

    delis_id: str
    password: str
    # ISO country of the DPD account, upper case.
    country: str
    test_mode: bool


def credentials(settings: Settings) -> DpdCredentials:
    """The merchant's DPD DELIS credentials (use as `settings.typed(credentials)`)."""
    return DpdCredentials(
        delis_id=settings.text("dpd_delis_id"),
        password=settings.text("dpd_password"),
        country=(settings.text("dpd_country") or "BE").strip().upper(),
        test_mode=settings.flag("carrier_sandbox"),
    )


def build_connector(account: DpdCredentials, limits: ConnectorLimits) -> KarrioConnector | None:
    """The DPD connector, or None until the merchant entered a DELIS id and password."""
    if not (account.delis_id and account.password):
        return None
    return KarrioConnector(
        code="dpd",
        karrio_carrier="dpd",
        settings={
            "delis_id": account.delis_id,
            "password": account.password,
            "account_country_code": account.country,
            "test_mode": account.test_mode,
        },
        errors=ERRORS,
        status_map=STATUS_MAP,
        limits=limits,
        answer_reader=read_answers,
    )
