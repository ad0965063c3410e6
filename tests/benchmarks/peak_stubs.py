"""What the peak rehearsal runs against on loopback, and how it watches the backlog.

- `CrmRecorder`: the merchant's CRM webhook, answering 200 to every message and keeping only
  what the checks need (idempotency key, order, message type), not the bodies: 60,000
  messages at full scale.
- `YurticiStub`: Yurtiçi's `queryShipment` SOAP service in its documented answer shape
  (`tests/carriers/yurtici/recordings/delivered.xml`); each number's history grows by the
  scans the carrier made since it was last asked.
- `BacklogSampler`: a thread reading the outbox, the webhook inbox and the broker queue
  once a second, with the step running at that moment.
"""

import json
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from xml.sax.saxutils import escape

import redis
from django.db import connections

from saleor_tracking_plugin.carriers.models import WebhookDelivery
from saleor_tracking_plugin.notifications.models import OutboxMessage
from saleor_tracking_plugin.tracking.models import ShipmentEvent

from ..saleor.notifications.real_worker import LoopbackServer


@dataclass(frozen=True)
class CrmDelivery:
    """One message as the CRM received it."""

    idempotency_key: str
    order_id: str
    message_type: str


class CrmRecorder(LoopbackServer):
    """The merchant's CRM: accepts every message (`crm_webhook.py` documents the format)."""

    def __init__(self):
        self.received: list[CrmDelivery] = []
        self.lock = threading.Lock()

    def answer(self, path, body, headers):
        message = json.loads(body)
        delivery = CrmDelivery(
            headers["X-STP-Delivery"], message["order"]["id"], message["message_type"]
        )
        with self.lock:
            self.received.append(delivery)
        return 200, "application/json", b'{"ok": true}'


@dataclass(frozen=True)
class Scan:
    """One Yurtiçi scan: the event name its staff type, where and when."""

    name: str
    unit: str
    city: str
    at: datetime


_ANSWER = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Header/><env:Body>'
    '<ns2:queryShipmentResponse xmlns:ns2="http://yurticikargo.com.tr/ShippingOrderDispatcherServices">'
    "<ShippingDeliveryVO><count>{count}</count><errCode>0</errCode><outFlag>0</outFlag>"
    "<outResult>Başarılı</outResult><senderCustId>1010954</senderCustId>{details}"
    "</ShippingDeliveryVO></ns2:queryShipmentResponse></env:Body></env:Envelope>"
)
_DETAIL = (
    "<shippingDeliveryDetailVO><cargoKey>{number}</cargoKey><docId>1{number}</docId>"
    "<errCode>0</errCode><operationCode>1</operationCode>"
    "<operationMessage>Kargo teslimattadır.</operationMessage><operationStatus>IND"
    "</operationStatus><shippingDeliveryItemDetailVO><arrivalUnitName>KADIKÖY</arrivalUnitName>"
    "<departureUnitName>BAĞCILAR</departureUnitName>{scans}</shippingDeliveryItemDetailVO>"
    "</shippingDeliveryDetailVO>"
)
_SCAN = (
    "<invDocCargoVOArray><cityName>{city}</cityName><eventDate>{at:%Y%m%d}</eventDate>"
    "<eventId>{event_id}</eventId><eventName>{name}</eventName><eventTime>{at:%H%M%S}</eventTime>"
    "<reasonId>0</reasonId><reasonName>Sorun Yok</reasonName><townName>{unit}</townName>"
    "<unitId>1110</unitId><unitName>{unit}</unitName></invDocCargoVOArray>"
)
_KEYS = re.compile(rb"<keys>([^<]+)</keys>")


class YurticiStub(LoopbackServer):
    """Yurtiçi's service: the k-th question about a number answers its first `shown[k]` scans.

    `scans` is every parcel's history, in Istanbul time; `shown` how far it has got at each
    successive question (carriers answer with the whole history, so old scans come again).
    """

    def __init__(self, scans: list[Scan], shown: tuple[int, ...]):
        self.scans = scans
        self.shown = shown
        self.asked: Counter[str] = Counter()
        self.calls = 0
        self.lock = threading.Lock()

    def answer(self, path, body, headers):
        numbers = [key.decode() for key in _KEYS.findall(body)]
        details = []
        with self.lock:
            self.calls += 1
            for number in numbers:
                seen = self.shown[min(self.asked[number], len(self.shown) - 1)]
                self.asked[number] += 1
                scans = "".join(
                    _SCAN.format(
                        city=escape(s.city),
                        unit=escape(s.unit),
                        name=escape(s.name),
                        at=s.at,
                        event_id=i + 1,
                    )
                    for i, s in enumerate(self.scans[:seen])
                )
                details.append(_DETAIL.format(number=escape(number), scans=scans))
        payload = _ANSWER.format(count=len(numbers), details="".join(details)).encode()
        return 200, "text/xml;charset=UTF-8", payload


@dataclass(frozen=True)
class Sample:
    """The backlog at one moment of the rehearsal."""

    seconds: float
    step: str
    outbox: dict[str, int]
    inbox_pending: int
    events: int
    broker: int


@dataclass
class BacklogSampler:
    """Samples the backlog every `every` seconds, from `start()` until the context ends, in its
    own thread and database connection."""

    broker_url: str
    broker_queue: str
    every: float = 1.0
    step: str = "start"
    samples: list[Sample] = field(default_factory=list)

    def __enter__(self) -> "BacklogSampler":
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None
        return self

    def start(self) -> None:
        """Begin sampling: time 0 of the table."""
        self.started = time.monotonic()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def __exit__(self, *exc) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join(timeout=30)

    def _run(self) -> None:
        broker = redis.Redis.from_url(self.broker_url)
        outbox = OutboxMessage._meta.db_table
        inbox = WebhookDelivery._meta.db_table
        events = ShipmentEvent._meta.db_table
        try:
            with connections["default"].cursor() as cursor:
                while not self.stop.is_set():
                    cursor.execute(f"SELECT status, count(*) FROM {outbox} GROUP BY status")
                    by_status = dict(cursor.fetchall())
                    cursor.execute(
                        f"SELECT count(*) FROM {inbox} WHERE outcome = %s",
                        [WebhookDelivery.Outcome.PENDING],
                    )
                    pending = cursor.fetchone()[0]
                    # The planner's estimate would do, but an exact count is cheap at this size.
                    cursor.execute(f"SELECT count(*) FROM {events}")
                    applied = cursor.fetchone()[0]
                    self.samples.append(
                        Sample(
                            time.monotonic() - self.started,
                            self.step,
                            by_status,
                            pending,
                            applied,
                            broker.llen(self.broker_queue),
                        )
                    )
                    self.stop.wait(self.every)
        finally:
            connections["default"].close()

    def table(self, rows: int = 30) -> str:
        """The backlog every few seconds, about `rows` lines whatever the run's length."""
        if not self.samples:
            return "(no samples)"
        span = self.samples[-1].seconds
        step = max(self.every, round(span / rows))
        lines = [
            f"{'t (s)':>7} {'queued':>7} {'sending':>7} {'sent':>7} {'superseded':>10} "
            f"{'inbox':>6} {'events':>7} {'broker':>6}  step"
        ]
        next_at = 0.0
        for sample in self.samples:
            if sample.seconds + 1e-9 < next_at and sample is not self.samples[-1]:
                continue
            next_at = sample.seconds + step
            o = sample.outbox
            lines.append(
                f"{sample.seconds:7.0f} {o.get('queued', 0):7d} {o.get('sending', 0):7d} "
                f"{o.get('sent', 0):7d} {o.get('cancelled', 0):10d} {sample.inbox_pending:6d} "
                f"{sample.events:7d} {sample.broker:6d}  {sample.step}"
            )
        return "\n".join(lines)
