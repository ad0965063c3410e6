"""Aras Kargo's customer query service (`GetQueryJSON`, SOAP 1.1)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from ...config import SECRET, ConfigField, Settings, credential, url
from ..connector import ConnectorLimits, TrackingUpdate
from ..http import send
from .parser import parse_query_json

PRODUCTION_URL = "https://customerws.araskargo.com.tr/arascargoservice.asmx"
# Movements of one parcel by its tracking number.
MOVEMENTS_QUERY = "9"

FIELDS = [
    ConfigField(
        "aras_username", "", "Aras user name", "Query service user from Aras.", validator=credential
    ),
    ConfigField("aras_password", "", "Aras password", "Kept secret.", SECRET),
    ConfigField(
        "aras_customer_code",
        "",
        "Aras customer code",
        "Your Aras customer code.",
        validator=credential,
    ),
    ConfigField(
        "aras_api_url",
        PRODUCTION_URL,
        "Aras service URL",
        "Production by default.",
        validator=url(),
    ),
]

_ENVELOPE = """<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
<soap:Body>
<GetQueryJSON xmlns="http://tempuri.org/">
<loginInfo>{login}</loginInfo>
<queryInfo>{query}</queryInfo>
</GetQueryJSON>
</soap:Body>
</soap:Envelope>"""


@dataclass
class ArasConnector:
    """Tracks Aras parcels one number per call (the query service takes one)."""

    username: str
    password: str
    customer_code: str
    url: str = PRODUCTION_URL
    code: str = "aras"
    limits: ConnectorLimits = field(default_factory=ConnectorLimits)

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingUpdate]:
        """Ask for each number's movements."""
        return [self._track_one(number) for number in tracking_numbers]

    def _track_one(self, number: str) -> TrackingUpdate:
        login = (
            f"<LoginInfo><UserName>{escape(self.username)}</UserName>"
            f"<Password>{escape(self.password)}</Password>"
            f"<CustomerCode>{escape(self.customer_code)}</CustomerCode></LoginInfo>"
        )
        query = (
            f"<QueryInfo><QueryType>{MOVEMENTS_QUERY}</QueryType>"
            f"<TrackingNumber>{escape(number)}</TrackingNumber></QueryInfo>"
        )
        # The service takes the two documents as XML-escaped text, hence the second escape.
        envelope = _ENVELOPE.format(login=escape(login), query=escape(query))
        response = send(
            "POST",
            self.url,
            timeout=self.limits.timeout_seconds,
            data=envelope.encode(),
            headers={
                "Content-Type": "text/xml; charset=utf-8",
                "SOAPAction": '"http://tempuri.org/GetQueryJSON"',
            },
        )
        return parse_query_json(response.content, number)


@dataclass(frozen=True)
class ArasCredentials:
    """The Aras web service user (settings `aras_*`) and its address."""

    username: str
    password: str
    customer_code: str
    url: str


def credentials(settings: Settings) -> ArasCredentials:
    """The merchant's Aras web service user (use as `settings.typed(credentials)`)."""
    return ArasCredentials(
        username=settings.text("aras_username"),
        password=settings.text("aras_password"),
        customer_code=settings.text("aras_customer_code"),
        url=settings.text("aras_api_url") or PRODUCTION_URL,
    )


def build_connector(account: ArasCredentials, limits: ConnectorLimits) -> ArasConnector | None:
    """The Aras connector, or None until the merchant entered Aras credentials."""
    if not (account.username and account.password):
        return None
    return ArasConnector(
        username=account.username,
        password=account.password,
        customer_code=account.customer_code,
        url=account.url,
        limits=limits,
    )
