"""MNG Kargo's API (apizone: IBM API Connect client id/secret, then a customer JWT)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from ...config import SECRET, ConfigField, Settings, credential, url
from ..connector import CarrierError, ConnectorLimits, Problem, TrackingUpdate
from ..http import send
from .parser import parse_token, parse_track_shipment

PRODUCTION_URL = "https://api.mngkargo.com.tr/mngapi/api"

FIELDS = [
    ConfigField(
        "mng_client_id", "", "MNG client ID", "X-IBM-Client-Id from apizone.", validator=credential
    ),
    ConfigField("mng_client_secret", "", "MNG client secret", "Kept secret.", SECRET),
    ConfigField(
        "mng_customer_number",
        "",
        "MNG customer number",
        "Your MNG customer number.",
        validator=credential,
    ),
    ConfigField("mng_password", "", "MNG customer password", "Kept secret.", SECRET),
    ConfigField(
        "mng_api_url",
        PRODUCTION_URL,
        "MNG API URL",
        "Production by default; the test API is testapi.mngkargo.com.tr/mngapi/api.",
        validator=url(),
    ),
]


@dataclass
class MngConnector:
    """Tracks MNG parcels by reference, one per call, with one token per batch."""

    client_id: str
    client_secret: str
    customer_number: str
    password: str
    url: str = PRODUCTION_URL
    code: str = "mng"
    limits: ConnectorLimits = field(default_factory=ConnectorLimits)

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingUpdate]:
        """Log in once, then ask `trackshipment` for each number."""
        token = self._token()
        return [self._track_one(token, number) for number in tracking_numbers]

    def _headers(self) -> dict[str, str]:
        return {
            "X-IBM-Client-Id": self.client_id,
            "X-IBM-Client-Secret": self.client_secret,
            "x-api-version": "1.0",
            "Accept": "application/json",
        }

    def _token(self) -> str:
        response = send(
            "POST",
            f"{self.url.rstrip('/')}/token",
            timeout=self.limits.timeout_seconds,
            json={
                "customerNumber": self.customer_number,
                "password": self.password,
                "identityType": 1,
            },
            headers=self._headers(),
            unknown_number_statuses=(400,),
        )
        if response.status_code == 400:
            # MNG answers a wrong customer number or password with 400, not 401.
            raise CarrierError(Problem.AUTHENTICATION, "customer number or password refused")
        return parse_token(response.content)

    def _track_one(self, token: str, number: str) -> TrackingUpdate:
        response = send(
            "GET",
            f"{self.url.rstrip('/')}/standardqueryapi/trackshipment/{quote(number, safe='')}",
            timeout=self.limits.timeout_seconds,
            headers={**self._headers(), "Authorization": f"Bearer {token}"},
            unknown_number_statuses=(400, 404),
        )
        return parse_track_shipment(response.content, number)


@dataclass(frozen=True)
class MngCredentials:
    """The MNG API client and customer account (settings `mng_*`) and its address."""

    client_id: str
    client_secret: str
    customer_number: str
    password: str
    url: str


def credentials(settings: Settings) -> MngCredentials:
    """The merchant's MNG API client and customer account (use as `settings.typed(credentials)`)."""
    return MngCredentials(
        client_id=settings.text("mng_client_id"),
        client_secret=settings.text("mng_client_secret"),
        customer_number=settings.text("mng_customer_number"),
        password=settings.text("mng_password"),
        url=settings.text("mng_api_url") or PRODUCTION_URL,
    )


def build_connector(account: MngCredentials, limits: ConnectorLimits) -> MngConnector | None:
    """The MNG connector, or None until the merchant entered MNG credentials."""
    required = (
        account.client_id,
        account.client_secret,
        account.customer_number,
        account.password,
    )
    if not all(required):
        return None
    return MngConnector(
        client_id=account.client_id,
        client_secret=account.client_secret,
        customer_number=account.customer_number,
        password=account.password,
        url=account.url,
        limits=limits,
    )
