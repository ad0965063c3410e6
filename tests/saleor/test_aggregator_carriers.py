"""Carriers without a documented tracking service of their own get live status from AfterShip.

PTT, Sürat, HepsiJet and Trendyol Express: the merchant follows their parcels in AfterShip and
points its webhook at the plugin; AfterShip's courier slug names the carrier.
"""

import json
import time

import pytest

from saleor_tracking_plugin.aggregators.aftership.status_map import SLUGS
from saleor_tracking_plugin.aggregators.tasks import apply_webhook_inbox_task
from saleor_tracking_plugin.carriers.registry import get_carrier

from .carrier_helpers import order_tracking, shipment_for
from .helpers import configure_plugin
from .test_aggregator_webhooks import AFTERSHIP_URL, SECRET, aftership_signature, post

NUMBER = "7300123456789"


def delivery(slug: str, event_id: str, checkpoints: list, **msg) -> bytes:
    """A v4 `tracking_update` as AfterShip documents it (webhook version 4, `msg` Tracking)."""
    return json.dumps(
        {
            "event": "tracking_update",
            "event_id": event_id,
            "ts": int(time.time()),
            "msg": {"tracking_number": NUMBER, "slug": slug, "checkpoints": checkpoints, **msg},
        }
    ).encode()


@pytest.mark.parametrize(
    ("slug", "carrier"),
    [
        ("ptt-posta", "ptt"),
        ("surat-kargo", "surat"),
        ("hepsijet", "hepsijet"),
        ("trendyol-express", "trendyol_express"),
    ],
)
def test_each_carriers_slug_updates_that_carriers_parcel(client, customer_order, slug, carrier):
    # given the same number at two carriers, one of them the slug's
    configure_plugin(aftership_webhook_secret=SECRET)
    other = shipment_for(customer_order, "yurtici", NUMBER)
    mine = shipment_for(customer_order, carrier, NUMBER)
    body = delivery(
        slug,
        f"{slug}-1",
        [
            {
                "checkpoint_time": "2026-11-23T10:15:00+03:00",
                "tag": "OutForDelivery",
                "subtag": "OutForDelivery_001",
                "message": "Dağıtıma çıkarıldı",
            }
        ],
    )

    response = post(
        client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
    )
    apply_webhook_inbox_task()

    # then only the slug's carrier's parcel moves
    assert response.json() == {"status": "accepted"}
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.status == "out_for_delivery"
    assert other.status == "info_received"


def test_every_turkish_carrier_without_a_connector_has_an_aftership_slug():
    mapped = {get_carrier(code).code for code in SLUGS.values()}

    assert {"ptt", "surat", "hepsijet", "trendyol_express"} <= mapped


def test_a_delivery_with_only_dates_still_moves_the_parcel(
    client, staff_tracking_client, customer_order
):
    # given a PTT parcel, and AfterShip checkpoints that carry a day but no time
    configure_plugin(aftership_webhook_secret=SECRET)
    shipment = shipment_for(customer_order, "ptt", NUMBER)
    body = delivery(
        "ptt-posta",
        "ptt-dates",
        [
            {"checkpoint_time": "2026-11-20", "tag": "InTransit", "message": "Kabul edildi"},
            {"checkpoint_time": "2026-11-22T11:00:00", "tag": "Delivered", "message": "Teslim"},
        ],
    )

    response = post(
        client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
    )
    apply_webhook_inbox_task()

    # then both checkpoints are stored and the parcel is delivered
    assert response.json() == {"status": "accepted"}
    shipment.refresh_from_db()
    assert shipment.status == "delivered"
    [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]
    assert [e["status"] for e in parcel["events"]] == ["IN_TRANSIT", "DELIVERED"]


def test_a_delivery_with_nothing_usable_is_refused_and_logged(client, customer_order, caplog):
    configure_plugin(aftership_webhook_secret=SECRET)
    shipment = shipment_for(customer_order, "ptt", NUMBER)
    body = delivery("ptt-posta", "ptt-empty", [{"checkpoint_time": "", "message": "?"}])

    response = post(
        client, AFTERSHIP_URL, body, HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body)
    )

    assert response.status_code == 400
    assert "no usable checkpoint" in caplog.text
    shipment.refresh_from_db()
    assert shipment.status == "info_received"
