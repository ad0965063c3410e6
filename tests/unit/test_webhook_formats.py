"""Aggregator deliveries: signatures over the raw body, and bodies of the wrong shape."""

import base64
import hashlib
import hmac
import json

import pytest

from saleor_tracking_plugin.aggregators.aftership.parser import AfterShip
from saleor_tracking_plugin.aggregators.base import Rejected
from saleor_tracking_plugin.aggregators.easypost.parser import EasyPost
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

SECRET = "whsec_5e3r3t"


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
        AfterShip().parse(body)

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

    [event] = AfterShip().parse(body).update.events

    assert event.status == ShipmentStatus.RETURNING_TO_SENDER
