"""AfterShip and EasyPost tracking webhooks at /plugins/global/<plugin>/webhooks/<provider>/."""

import base64
import hashlib
import hmac
import json
import logging
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache

from saleor_tracking_plugin.aggregators.actions import KICK_KEY
from saleor_tracking_plugin.aggregators.tasks import apply_webhook_inbox_task
from saleor_tracking_plugin.carriers.models import WebhookDelivery

from .carrier_helpers import order_tracking, shipment_for, timeline
from .helpers import configure_plugin

AFTERSHIP_URL = "/plugins/global/saleor_tracking_plugin/webhooks/aftership/"
EASYPOST_URL = "/plugins/global/saleor_tracking_plugin/webhooks/easypost/"
SECRET = "whsec_3f9a0c71"


def aftership_delivery(
    event_id="5b2a7e2c-delivered", ts=None, tag="Delivered", tracking_number="305712345678"
) -> bytes:
    """A v4 `tracking_update` as AfterShip documents it."""
    return json.dumps(
        {
            "event": "tracking_update",
            "event_id": event_id,
            "is_tracking_first_tag": False,
            "msg": {
                "id": "1t1fz3p0lzxs4lhhbyq5m00a",
                "tracking_number": tracking_number,
                "slug": "yurtici-kargo",
                "tag": tag,
                "subtag": f"{tag}_001",
                "expected_delivery": "2026-11-20T18:00:00+03:00",
                "checkpoints": [
                    {
                        "checkpoint_time": "2026-11-18T17:30:00+03:00",
                        "tag": "InTransit",
                        "subtag": "InTransit_001",
                        "message": "Kargo kabul edildi",
                        "location": "BAĞCILAR, İSTANBUL",
                    },
                    {
                        "checkpoint_time": "2026-11-20T14:30:00+03:00",
                        "tag": tag,
                        "subtag": f"{tag}_001",
                        "message": "Teslim edildi",
                        "location": "KADIKÖY, İSTANBUL",
                    },
                ],
            },
            "ts": int(ts if ts is not None else time.time()),
        }
    ).encode()


def aftership_signature(body: bytes, secret: str = SECRET) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def post(client, url, body: bytes, **headers):
    return client.post(url, data=body, content_type="application/json", **headers)


def easypost_event(status="in_transit") -> bytes:
    """A `tracker.updated` Event as EasyPost documents it."""
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return json.dumps(
        {
            "id": "evt_4c7f8e2a9b0d11ef",
            "object": "Event",
            "mode": "production",
            "description": "tracker.updated",
            "created_at": now,
            "updated_at": now,
            "result": {
                "id": "trk_9c1e3f",
                "object": "Tracker",
                "mode": "production",
                "tracking_code": "9400111899223197428490",
                "status": status,
                "status_detail": "arrived_at_facility",
                "carrier": "USPS",
                "est_delivery_date": "2026-11-24T00:00:00Z",
                "tracking_details": [
                    {
                        "object": "TrackingDetail",
                        "message": "Arrived at USPS Regional Facility",
                        "status": status,
                        "status_detail": "arrived_at_facility",
                        "datetime": "2026-11-19T02:00:00Z",
                        "source": "USPS",
                        "tracking_location": {
                            "object": "TrackingLocation",
                            "city": "JERSEY CITY",
                            "state": "NJ",
                            "country": "US",
                            "zip": "07097",
                        },
                    }
                ],
            },
        }
    ).encode()


@pytest.fixture
def aftership_configured():
    configure_plugin(aftership_webhook_secret=SECRET, easypost_webhook_secret=SECRET)


def test_a_signed_aftership_delivery_updates_shipment_timeline_and_order_tracking(
    client,
    staff_tracking_client,
    customer_order,
    aftership_configured,
    django_capture_on_commit_callbacks,
):
    # given a Yurtiçi parcel the merchant also follows in AfterShip, and no inbox run due
    shipment = shipment_for(customer_order, "yurtici", "305712345678")
    body = aftership_delivery()
    cache.delete(KICK_KEY)

    # when AfterShip delivers a signed update (and its commit kicks the inbox task)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
        )

    # then it is accepted at once, and the parcel is delivered everywhere staff and
    # customers look
    assert response.status_code == 200
    assert response.json() == {"status": "accepted"}
    assert WebhookDelivery.objects.get().outcome == "applied"
    shipment.refresh_from_db()
    assert shipment.status == "delivered"
    assert any("305712345678: delivered" in m for m in timeline(customer_order))
    [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]
    assert [e["status"] for e in parcel["events"]] == ["IN_TRANSIT", "DELIVERED"]
    assert parcel["estimatedDelivery"] == "2026-11-20"


def test_a_repeated_delivery_is_applied_once(client, customer_order, aftership_configured, caplog):
    shipment = shipment_for(customer_order, "yurtici", "305712345678")
    body = aftership_delivery()
    signature = aftership_signature(body)

    first = post(client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=signature)
    apply_webhook_inbox_task()
    with caplog.at_level(logging.WARNING):
        second = post(client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=signature)
    apply_webhook_inbox_task()

    assert first.json() == {"status": "accepted"}
    assert second.status_code == 200
    assert second.json() == {"status": "duplicate"}
    assert shipment.events.count() == 2
    assert WebhookDelivery.objects.filter(provider="aftership").count() == 1
    assert "already received (repeat or replay)" in caplog.text


def test_a_repeat_arriving_before_the_first_is_applied_is_still_stored_once(
    client, customer_order, aftership_configured
):
    # given a delivery accepted and still waiting in the inbox
    shipment = shipment_for(customer_order, "yurtici", "305712345678")
    body = aftership_delivery()
    signature = aftership_signature(body)
    post(client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=signature)

    # when the provider sends it again, then the inbox task runs
    repeat = post(client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=signature)
    applied = apply_webhook_inbox_task()

    # then the repeat was refused and the update applied once
    assert repeat.json() == {"status": "duplicate"}
    assert applied == 1
    assert shipment.events.count() == 2


def test_deliveries_wait_in_the_inbox_until_the_task_applies_them_in_one_batch(
    client, customer_order, aftership_configured
):
    # given three accepted deliveries about two parcels, not yet applied
    first = shipment_for(customer_order, "yurtici", "305712345678")
    bodies = [aftership_delivery(event_id=f"batch-{index}") for index in range(3)]
    for body in bodies:
        post(client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body))
    assert first.events.count() == 0
    assert set(WebhookDelivery.objects.values_list("outcome", flat=True)) == {"pending"}

    # when the inbox task runs
    applied = apply_webhook_inbox_task()

    # then each was applied once, and nothing waits any more
    assert applied == 3
    assert first.events.count() == 2
    assert set(WebhookDelivery.objects.values_list("outcome", flat=True)) == {"applied"}
    assert apply_webhook_inbox_task() == 0


def test_a_delivery_that_cannot_be_applied_is_kept_with_its_reason_and_holds_up_nothing(
    client, customer_order, aftership_configured, caplog
):
    # given a stored delivery of a provider the plugin no longer reads, then a good one
    shipment = shipment_for(customer_order, "yurtici", "305712345678")
    WebhookDelivery.objects.create(
        provider="retired", delivery_id="old-1", tracking_number="305712345678", outcome="pending"
    )
    body = aftership_delivery()
    post(client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body))

    # when the inbox task runs
    with caplog.at_level(logging.ERROR):
        apply_webhook_inbox_task()

    # then the bad one is kept as failed with why, and the good one is applied
    failed = WebhookDelivery.objects.get(delivery_id="old-1")
    assert failed.outcome == "failed"
    assert "retired" in failed.detail
    assert "Could not apply retired delivery old-1" in caplog.text
    assert shipment.events.count() == 2


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({}, "unsigned delivery"),
        ({"HTTP_AFTERSHIP_HMAC_SHA256": "bm90LXRoZS1zaWduYXR1cmU="}, "wrong signature"),
    ],
)
def test_unsigned_or_wrongly_signed_deliveries_are_refused_and_logged(
    client, customer_order, aftership_configured, caplog, headers, reason
):
    shipment = shipment_for(customer_order, "yurtici", "305712345678")

    with caplog.at_level(logging.WARNING):
        response = post(client, AFTERSHIP_URL, aftership_delivery(), **headers)

    assert response.status_code == 401
    assert response.json() == {"error": reason}
    assert reason in caplog.text
    assert shipment.events.count() == 0


def test_a_delivery_signed_with_another_secret_is_refused(
    client, customer_order, aftership_configured
):
    body = aftership_delivery()

    response = post(
        client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body, "x")
    )

    assert response.status_code == 401


def test_a_stale_delivery_is_refused_even_when_correctly_signed(
    client, customer_order, aftership_configured, caplog
):
    shipment = shipment_for(customer_order, "yurtici", "305712345678")
    two_days_ago = (datetime.now(UTC) - timedelta(days=2)).timestamp()
    body = aftership_delivery(ts=two_days_ago)

    with caplog.at_level(logging.WARNING):
        response = post(
            client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
        )

    assert response.status_code == 400
    assert "stale delivery" in response.json()["error"]
    assert "stale delivery" in caplog.text
    assert shipment.events.count() == 0


def test_a_huge_body_is_refused_before_it_is_read(client, aftership_configured):
    body = b'{"event": "tracking_update", "pad": "' + b"x" * 300_000 + b'"}'

    response = post(
        client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
    )

    assert response.status_code == 413


def test_a_signed_body_with_wrong_types_is_refused_not_crashed_on(
    client, customer_order, aftership_configured
):
    body = json.dumps(
        {
            "event": "tracking_update",
            "event_id": "x",
            "ts": time.time(),
            "msg": {"tracking_number": ["a"]},
        }
    ).encode()

    response = post(
        client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
    )

    assert response.status_code == 400
    assert WebhookDelivery.objects.count() == 0


def test_a_provider_without_a_configured_secret_accepts_nothing(client):
    body = aftership_delivery()

    response = post(
        client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
    )

    assert response.status_code == 404


def test_a_delivery_for_a_parcel_we_do_not_track_is_kept_as_unmatched(client, aftership_configured):
    body = aftership_delivery(event_id="unmatched-1")

    response = post(
        client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
    )
    apply_webhook_inbox_task()

    assert response.json() == {"status": "accepted"}
    kept = WebhookDelivery.objects.get(delivery_id="unmatched-1")
    assert (kept.outcome, kept.shipment) == ("unmatched", None)


def test_a_signed_easypost_event_updates_the_shipment_with_the_carriers_estimate(
    client, customer_order, aftership_configured
):
    shipment = shipment_for(customer_order, "usps", "9400111899223197428490")
    body = easypost_event()
    digest = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()

    response = post(client, EASYPOST_URL, body, HTTP_X_HMAC_SIGNATURE=f"hmac-sha256-hex={digest}")
    apply_webhook_inbox_task()

    assert response.status_code == 200
    shipment.refresh_from_db()
    assert shipment.status == "in_transit"
    assert shipment.estimated_delivery.isoformat() == "2026-11-24"
    assert shipment.events.get().location == "JERSEY CITY, NJ, US"


def test_an_easypost_event_with_a_wrong_signature_is_refused(client, aftership_configured):
    response = post(
        client, EASYPOST_URL, easypost_event(), HTTP_X_HMAC_SIGNATURE="hmac-sha256-hex=00ff"
    )

    assert response.status_code == 401
