"""R2: a storm of AfterShip webhook deliveries, as a provider retrying through a flaky network
and an attacker sending forged ones would make it: 30% duplicates, 20% out of order, 5% bad
signatures. The parcels end exactly as the same deliveries sent once, in order, leave their
twins; no forged delivery is accepted; no event is lost.

Bounded in CI (400 deliveries); `STP_RELIABILITY=full`: 10,000."""

import base64
import hashlib
import hmac
import json
import os
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from saleor_tracking_plugin.aggregators.tasks import apply_webhook_inbox_task
from saleor_tracking_plugin.carriers.models import WebhookDelivery
from saleor_tracking_plugin.tracking.models import Shipment

from ..saleor.carrier_helpers import shipment_for
from ..saleor.helpers import configure_plugin

pytestmark = pytest.mark.django_db

DELIVERIES = 10_000 if os.environ.get("STP_RELIABILITY") == "full" else 400
PARCELS = 20 if os.environ.get("STP_RELIABILITY") == "full" else 6
URL = "/plugins/global/saleor_tracking_plugin/webhooks/aftership/"
SECRET = "whsec_r2_storm"
DUPLICATES, OUT_OF_ORDER, BAD = 0.30, 0.20, 0.05


@dataclass(frozen=True)
class Delivery:
    body: bytes
    signature: str
    forged: bool = False


def sign(body: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def checkpoints(count: int, start: datetime) -> list[dict]:
    """A parcel's scans, oldest first: in transit, then out for delivery, then delivered."""
    tags = ["InfoReceived"] + ["InTransit"] * (count - 3) + ["OutForDelivery", "Delivered"]
    return [
        {
            "checkpoint_time": (start + timedelta(minutes=7 * i)).isoformat(),
            "tag": tag,
            "subtag": f"{tag}_001",
            "message": f"Scan {i}: {tag}",
            "location": f"AKTARMA {i % 9}, İSTANBUL",
        }
        for i, tag in enumerate(tags)
    ]


def delivery(number: str, event_id: str, checkpoint: dict, ts: int) -> bytes:
    """A v4 `tracking_update` as AfterShip documents it, carrying one new checkpoint."""
    return json.dumps(
        {
            "event": "tracking_update",
            "event_id": event_id,
            "is_tracking_first_tag": False,
            "msg": {
                "id": f"at-{number}",
                "tracking_number": number,
                "slug": "yurtici-kargo",
                "tag": checkpoint["tag"],
                "subtag": checkpoint["subtag"],
                "checkpoints": [checkpoint],
            },
            "ts": ts,
        }
    ).encode()


def forged(number: str, index: int, ts: int, rng: random.Random) -> Delivery:
    """A delivery an attacker made: claims the parcel is back at the sender."""
    body = delivery(
        number,
        f"forged-{index}",
        {
            "checkpoint_time": datetime.now(UTC).isoformat(),
            "tag": "Exception",
            "subtag": "Exception_007",
            "message": "FORGED: returned to sender",
            "location": "NOWHERE",
        },
        ts,
    )
    signature = rng.choice([sign(body, "guessed-secret"), sign(body + b" "), "", "AAAA"])
    return Delivery(body, signature, forged=True)


def parcel_state(shipment: Shipment) -> dict:
    shipment.refresh_from_db()
    return {
        "status": shipment.status,
        "status_detail": shipment.status_detail,
        "carrier_status_code": shipment.carrier_status_code,
        "last_event_at": shipment.last_event_at,
        "delivered_at": shipment.delivered_at,
        "estimated_delivery": shipment.estimated_delivery,
        "events": [
            (e.occurred_at, e.status, e.description, e.location)
            for e in shipment.events.order_by("occurred_at", "description")
        ],
    }


def post(client: Client, item: Delivery):
    headers = {"HTTP_AFTERSHIP_HMAC_SHA256": item.signature} if item.signature else {}
    return client.post(URL, data=item.body, content_type="application/json", **headers)


def test_a_storm_of_deliveries_ends_as_the_in_order_replay(customer_order):
    # given parcels followed in AfterShip, and their twins that will get the clean replay
    configure_plugin(aftership_webhook_secret=SECRET)
    rng = random.Random(20261130)
    ts = int(time.time())
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
    unique = round(DELIVERIES * (1 - DUPLICATES - BAD))
    per_parcel = unique // PARCELS
    storm_parcels, replay_parcels, in_order, replay = [], [], [], []
    for p in range(PARCELS):
        number, twin = f"3057{p:08d}", f"3058{p:08d}"
        storm_parcels.append(shipment_for(customer_order, "yurtici", number))
        replay_parcels.append(shipment_for(customer_order, "yurtici", twin))
        for i, checkpoint in enumerate(checkpoints(per_parcel, start)):
            body = delivery(number, f"evt-{p}-{i}", checkpoint, ts)
            in_order.append(Delivery(body, sign(body)))
            twin_body = delivery(twin, f"evt-twin-{p}-{i}", checkpoint, ts)
            replay.append(Delivery(twin_body, sign(twin_body)))

    # the storm: the unique deliveries with 20% moved out of order, repeats and forgeries
    storm = list(in_order)
    for _ in range(round(DELIVERIES * OUT_OF_ORDER)):
        i = rng.randrange(len(storm) - 1)
        j = rng.randrange(i + 1, len(storm))
        storm[i], storm[j] = storm[j], storm[i]
    for _ in range(DELIVERIES - len(in_order) - round(DELIVERIES * BAD)):
        storm.insert(rng.randrange(len(storm) + 1), rng.choice(in_order))
    for k in range(round(DELIVERIES * BAD)):
        number = storm_parcels[k % PARCELS].tracking_number
        storm.insert(rng.randrange(len(storm) + 1), forged(number, k, ts, rng))
    assert len(storm) == DELIVERIES

    # when the storm hits the webhook, and the twins get every delivery once, in order
    client = Client()
    answers = [(item, post(client, item)) for item in storm]
    replay_answers = [post(client, item).status_code for item in replay]
    # and the inbox task applies what was accepted (batch after batch, as beat runs it)
    while apply_webhook_inbox_task():
        pass

    # then every forged delivery was refused, and every real one acknowledged
    bad_accepted = sum(1 for item, r in answers if item.forged and r.status_code != 401)
    real_refused = sum(1 for item, r in answers if not item.forged and r.status_code != 200)
    outcomes = [r.json().get("status") for item, r in answers if not item.forged]
    # and each parcel holds every scan, exactly as its twin does
    lost = 0
    differing = 0
    for parcel, twin in zip(storm_parcels, replay_parcels, strict=True):
        got, expected = parcel_state(parcel), parcel_state(twin)
        sent = {(e[0], e[2]) for e in expected["events"]}
        lost += len(sent - {(e[0], e[2]) for e in got["events"]})
        differing += got != expected
    applied = WebhookDelivery.objects.filter(delivery_id__startswith="evt-").exclude(
        delivery_id__startswith="evt-twin"
    )
    print(
        f"\nR2 webhook storm: {len(storm)} deliveries ({len(in_order)} unique, "
        f"{outcomes.count('duplicate')} answered as duplicates, "
        f"{sum(1 for i in storm if i.forged)} forged); forged accepted {bad_accepted}, "
        f"real refused {real_refused}, events lost {lost}, parcels differing from the in-order "
        f"replay {differing} of {PARCELS}"
    )
    assert set(replay_answers) == {200}
    assert bad_accepted == 0
    assert real_refused == 0
    assert lost == 0
    assert differing == 0
    assert applied.count() == len(in_order)
    assert outcomes.count("duplicate") == len(storm) - len(in_order) - round(DELIVERIES * BAD)
    assert not Shipment.objects.filter(events__description__startswith="FORGED").exists()
    assert all(parcel_state(p)["status"] == "delivered" for p in storm_parcels)
