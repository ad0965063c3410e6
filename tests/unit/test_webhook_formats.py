"""Aggregator deliveries: signatures over the raw body, and bodies of the wrong shape."""

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from saleor_tracking_plugin.aggregators.aftership.parser import AfterShip
from saleor_tracking_plugin.aggregators.base import Rejected
from saleor_tracking_plugin.aggregators.easypost.parser import EasyPost
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

SECRET = "whsec_5e3r3t"
ISTANBUL = ZoneInfo("Europe/Istanbul")
# `ts` of every test delivery: 2025-11-23 12:13:20 UTC.
SENT_AT = datetime.fromtimestamp(1763900000, tz=UTC)


def aftership_body(**msg) -> bytes:
    message = {"tracking_number": "305712345678", "slug": "yurtici-kargo", "checkpoints": []}
    message.update(msg)
    return json.dumps(
        {"event": "tracking_update", "event_id": "e1", "ts": 1763900000, "msg": message}
    ).encode()


def test_an_aftership_signature_over_the_exact_body_is_accepted():
    body = aftership_body()
    signature = base64.b64encode(hmac.new(SECRET.encode(), body, hashlib.sha256).digest())

    AfterShip().verify({"aftership-hmac-sha256": signature.decode()}, body, SECRET)


def test_an_aftership_signature_of_another_body_is_refused():
    signature = base64.b64encode(
        hmac.new(SECRET.encode(), aftership_body(), hashlib.sha256).digest()
    ).decode()

    with pytest.raises(Rejected) as refused:
        AfterShip().verify({"aftership-hmac-sha256": signature}, aftership_body(tag="x"), SECRET)

    assert refused.value.status == 401


def test_an_easypost_signature_uses_the_nfkd_normalised_secret():
    secret = "ﬁne-secret"  # the "ﬁ" ligature normalises to "fi"
    body = b'{"id": "evt_1"}'
    digest = hmac.new(b"fine-secret", body, hashlib.sha256).hexdigest()

    EasyPost().verify({"x-hmac-signature": f"hmac-sha256-hex={digest}"}, body, secret)


@pytest.mark.parametrize(
    "body",
    [
        b"[1, 2, 3]",
        b"not json",
        json.dumps({"event": "tracking_update", "ts": 1, "msg": "text"}).encode(),
        aftership_body(tracking_number={"$ne": ""}),
        aftership_body(checkpoints={"a": 1}),
        aftership_body(checkpoints=["text"]),
    ],
)
def test_bodies_of_the_wrong_shape_are_refused_with_400(body):
    with pytest.raises(Rejected) as refused:
        AfterShip().parse(body, ISTANBUL)

    assert refused.value.status == 400


def test_aftership_subtags_refine_the_tag():
    body = aftership_body(
        checkpoints=[
            {
                "checkpoint_time": "2026-11-20T10:00:00+03:00",
                "tag": "Exception",
                "subtag": "Exception_010",
                "message": "Göndericiye iade ediliyor",
            }
        ]
    )

    [event] = AfterShip().parse(body, ISTANBUL).update.events

    assert event.status == ShipmentStatus.RETURNING_TO_SENDER


@pytest.mark.parametrize(
    ("checkpoint_time", "stored_at"),
    [
        # the three forms AfterShip's SDKs document for `checkpoint_time`
        ("2025-11-22T09:30:00+01:00", "2025-11-22T08:30:00+00:00"),
        ("2025-11-22T09:30:00", "2025-11-22T06:30:00+00:00"),  # local clock, shop's zone
        ("2025-11-22", "2025-11-22T09:00:00+00:00"),  # a day: midday in the shop's zone
        ("2025-11-24", SENT_AT.isoformat()),  # never later than AfterShip sent it
    ],
)
def test_every_documented_checkpoint_time_form_is_kept(checkpoint_time, stored_at):
    body = aftership_body(
        checkpoints=[{"checkpoint_time": checkpoint_time, "tag": "InTransit", "message": "x"}]
    )

    [event] = AfterShip().parse(body, ISTANBUL).update.events

    assert event.occurred_at.astimezone(UTC).isoformat() == stored_at


def test_without_usable_checkpoints_the_trackings_own_tag_moves_the_parcel():
    body = aftership_body(
        tag="Delivered",
        subtag="Delivered_001",
        subtag_message="Delivered",
        updated_at="2025-11-23T10:00:00+00:00",
        checkpoints=[{"checkpoint_time": "", "tag": "Delivered"}],
    )

    [event] = AfterShip().parse(body, ISTANBUL).update.events

    assert event.status == ShipmentStatus.DELIVERED
    assert event.occurred_at.isoformat() == "2025-11-23T10:00:00+00:00"


def test_an_expected_delivery_alone_is_kept():
    update = AfterShip().parse(aftership_body(expected_delivery="2025-11-27"), ISTANBUL).update

    assert update.events == ()
    assert update.estimated_delivery.isoformat() == "2025-11-27"


def test_a_delivery_with_nothing_usable_is_refused_not_answered_applied():
    body = aftership_body(tag="Pending_x", checkpoints=[{"checkpoint_time": "yesterday"}])

    with pytest.raises(Rejected) as refused:
        AfterShip().parse(body, ISTANBUL)

    assert refused.value.status == 400
    assert "no usable checkpoint" in refused.value.reason
