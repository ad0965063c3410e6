"""Yurtiçi Kargo's `queryShipment` SOAP web service (ShippingOrderDispatcherServices)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from ...config import SECRET, ConfigField, Settings, credential, url
from ..connector import ConnectorLimits, TrackingUpdate
from ..http import send
from .parser import parse_query_shipment

PRODUCTION_URL = "https://ws.yurticikargo.com/KOPSWebServices/ShippingOrderDispatcherServices"

FIELDS = [
    ConfigField(
        "yurtici_username",
        "",
        "Yurtiçi web service user",
        "wsUserName from Yurtiçi.",
        validator=credential,
    ),
    ConfigField("yurtici_password", "", "Yurtiçi web service password", "Kept secret.", SECRET),
    ConfigField(
        "yurtici_api_url",
        PRODUCTION_URL,
        "Yurtiçi service URL",
        "Production by default; Yurtiçi's test service is testws.yurticikargo.com.",
        validator=url(),
    ),
]

_ENVELOPE = """<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
 xmlns:ship="http://yurticikargo.com.tr/ShippingOrderDispatcherServices">
<soapenv:Header/>
<soapenv:Body>
<ship:queryShipment>
<wsUserName>{user}</wsUserName>
<wsPassword>{password}</wsPassword>
<wsLanguage>TR</wsLanguage>
{keys}
<keyType>0</keyType>
<addHistoricalData>true</addHistoricalData>
<onlyTracking>false</onlyTracking>
</ship:queryShipment>
</soapenv:Body>
</soapenv:Envelope>"""


@dataclass
class YurticiConnector:
    """Tracks Yurtiçi parcels by cargo key, up to 50 per call."""

    username: str
    password: str
    url: str = PRODUCTION_URL
    code: str = "yurtici"
    limits: ConnectorLimits = field(default_factory=lambda: ConnectorLimits(batch_size=50))

    def track(self, tracking_numbers: Sequence[str]) -> list[TrackingUpdate]:
        """Ask `queryShipment` for every number at once, with the scan history."""
        numbers = list(tracking_numbers)
        envelope = _ENVELOPE.format(
            user=escape(self.username),
            password=escape(self.password),
            keys="\n".join(f"<keys>{escape(number)}</keys>" for number in numbers),
        )
        response = send(
            "POST",
            self.url,
            timeout=self.limits.timeout_seconds,
            data=envelope.encode(),
            headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'},
        )
        return parse_query_shipment(response.content, numbers)


@dataclass(frozen=True)
class YurticiCredentials:
    """The Yurtiçi web service user (settings `yurtici_*`) and its address."""

    username: str
    password: str
    url: str


def credentials(settings: Settings) -> YurticiCredentials:
    """The merchant's Yurtiçi web service user (use as `settings.typed(credentials)`)."""
    return YurticiCredentials(
        username=settings.text("yurtici_username"),
        password=settings.text("yurtici_password"),
        url=settings.text("yurtici_api_url") or PRODUCTION_URL,
    )


def build_connector(
    account: YurticiCredentials, limits: ConnectorLimits
) -> YurticiConnector | None:
    """The Yurtiçi connector, or None until the merchant entered its web service user."""
    if not (account.username and account.password):
        return None
    return YurticiConnector(
        username=account.username,
        password=account.password,
        url=account.url,
        limits=ConnectorLimits(
            batch_size=50,
            calls_per_minute=limits.calls_per_minute,
            timeout_seconds=limits.timeout_seconds,
        ),
    )
