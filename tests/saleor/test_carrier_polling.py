"""Carrier statuses arrive by themselves: the beat round polls each configured carrier."""

from datetime import date, datetime, timedelta

import responses
from django.utils import timezone
from freezegun import freeze_time

from saleor_tracking_plugin.carriers.models import CarrierCircuit, ShipmentPolling
from saleor_tracking_plugin.tracking.models import Shipment

from ..carriers.recordings import replay
from .carrier_helpers import (
    CREDENTIALS,
    make_due,
    order_tracking,
    poll_round,
    shipment_for,
    timeline,
)
from .helpers import configure_plugin, fulfill

YURTICI_URL = "https://ws.yurticikargo.com/KOPSWebServices/ShippingOrderDispatcherServices"
MNG_TRACK_URL = "https://api.mngkargo.com.tr/mngapi/api/standardqueryapi/trackshipment/SIP1042"


def test_a_karrio_carrier_delivery_reaches_shipment_timeline_and_order_tracking(
    staff_tracking_client, customer_order
):
    # given a UPS parcel and the merchant's UPS credentials
    configure_plugin(**CREDENTIALS["ups"])
    shipment = shipment_for(customer_order, "ups", "1Z5338FF0107231059")

    # when the beat round asks UPS, which reports the parcel delivered
    with replay("ups", "delivered"):
        poll_round()

    # then the shipment, the order's timeline and orderTracking all say delivered
    shipment.refresh_from_db()
    assert shipment.status == "delivered"
    assert shipment.delivered_at is not None
    assert any("1Z5338FF0107231059: delivered" in m for m in timeline(customer_order))
    tracking = order_tracking(staff_tracking_client, customer_order)
    assert tracking["status"] == "DELIVERED"
    [parcel] = tracking["shipments"]
    assert [e["status"] for e in parcel["events"]] == [
        "IN_TRANSIT",
        "OUT_FOR_DELIVERY",
        "DELIVERED",
    ]
    assert parcel["estimatedDeliverySource"] == "CARRIER"
    assert parcel["trackingProblem"] is None


def test_a_turkish_carrier_status_flows_from_fulfilment_to_order_tracking(
    staff_api_client,
    permission_group_manage_orders,
    staff_tracking_client,
    customer_order,
    warehouse,
):
    # given Yurtiçi as the merchant's carrier, and an order fulfilled in Saleor
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    configure_plugin(default_carrier="yurtici", **CREDENTIALS["yurtici"])
    fulfill(staff_api_client, customer_order, warehouse, "305712345678")

    # when the beat round asks Yurtiçi, which has the parcel at a transfer centre
    with replay("yurtici", "in_transit"):
        poll_round()

    # then the customer-facing tracking shows it in transit, with a business-day estimate
    [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]
    assert parcel["status"] == "IN_TRANSIT"
    assert parcel["events"][-1]["description"] == "Transfer Merkezine Ulaştı"
    assert parcel["events"][-1]["location"] == "SİNCAN / ANKARA"
    # handed over Wednesday 18 November; two business days later is Friday 20 November
    assert parcel["estimatedDelivery"] == "2026-11-20"
    assert parcel["estimatedDeliverySource"] == "TRANSIT_TABLE"
    assert parcel["lastCheckedAt"] is not None


def test_the_carriers_own_estimate_wins_over_the_table(customer_order):
    configure_plugin(**CREDENTIALS["fedex"])
    shipment = shipment_for(customer_order, "fedex", "794843185271")

    with replay("fedex", "in_transit"):
        poll_round()

    shipment.refresh_from_db()
    assert shipment.estimated_delivery == date(2026, 11, 24)
    assert shipment.estimated_delivery_source == "carrier"


def test_refused_credentials_are_shown_to_staff_once_not_on_every_poll(
    staff_tracking_client, customer_tracking_client, customer_order
):
    # given UPS credentials UPS no longer accepts
    configure_plugin(**CREDENTIALS["ups"])
    shipment = shipment_for(customer_order, "ups", "1Z5338FF0107231059")

    # when two rounds fail the same way
    for _ in range(2):
        with replay("ups", "authentication_failure"):
            poll_round()
        make_due(shipment)

    # then staff see the reason on the shipment, and one timeline entry
    [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]
    assert parcel["trackingProblem"]["code"] == "AUTHENTICATION"
    assert "credentials" in parcel["trackingProblem"]["message"]
    assert parcel["trackingProblem"]["failures"] == 2
    problems = [m for m in timeline(customer_order) if m.startswith("Tracking problem")]
    assert len(problems) == 1
    # and the customer sees the parcel, not the merchant's credential trouble
    [own] = order_tracking(customer_tracking_client, customer_order)["shipments"]
    assert own["trackingProblem"] is None


def test_an_unknown_number_is_reported_to_staff_and_clears_once_the_carrier_knows_it(
    staff_tracking_client, customer_order
):
    configure_plugin(**CREDENTIALS["aras"])
    shipment = shipment_for(customer_order, "aras", "1234567890123")

    with replay("aras", "unknown_number"):
        poll_round()
    [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]
    assert parcel["trackingProblem"]["code"] == "UNKNOWN_NUMBER"

    make_due(shipment)
    with replay("aras", "in_transit"):
        poll_round()
    [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]
    assert parcel["trackingProblem"] is None
    assert parcel["status"] == "IN_TRANSIT"


def test_a_carrier_outage_loses_nothing_the_next_poll_catches_up(customer_order):
    # given an MNG parcel and MNG's tracking service down
    configure_plugin(poll_retries="0", **CREDENTIALS["mng"])
    shipment = shipment_for(customer_order, "mng", "SIP1042")
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, "https://api.mngkargo.com.tr/mngapi/api/token", json={"jwt": "t"})
        mock.add(responses.GET, MNG_TRACK_URL, status=503, body="Service Unavailable")
        poll_round()
    polling = ShipmentPolling.objects.get(shipment=shipment)
    assert polling.last_error_code == "unavailable"
    assert polling.next_poll_at > timezone.now()

    # when the service is back at the next due poll
    make_due(shipment)
    with replay("mng", "delivered"):
        poll_round()

    # then every scan made during the outage is there, in order
    shipment.refresh_from_db()
    assert shipment.status == "delivered"
    assert list(shipment.events.values_list("description", flat=True)) == [
        "Kargo Kabul Edildi",
        "Transfer Merkezinde",
        "Dağıtıma Çıktı",
        "Teslim Edildi",
    ]


def test_delivered_parcels_are_never_polled(customer_order):
    configure_plugin(**CREDENTIALS["yurtici"])
    shipment_for(customer_order, "yurtici", "305712345678", status="delivered")

    with responses.RequestsMock() as mock:  # any call would fail the test
        dispatched = poll_round()

    assert dispatched == 0
    assert len(mock.calls) == 0


def test_a_failing_carrier_is_paused_while_other_carriers_keep_answering(customer_order):
    # given Yurtiçi down and MNG up, and a breaker that opens at the first failure
    configure_plugin(
        circuit_failure_threshold="1",
        poll_retries="0",
        **CREDENTIALS["yurtici"],
        **CREDENTIALS["mng"],
    )
    yurtici = shipment_for(customer_order, "yurtici", "305712345678")
    mng = shipment_for(customer_order, "mng", "SIP1042")
    with replay("mng", "in_transit") as calls:
        calls.add("POST", YURTICI_URL, status=502, body="Bad Gateway")
        poll_round()

    # then Yurtiçi is paused and MNG's news arrived anyway
    assert CarrierCircuit.objects.get(carrier_code="yurtici").open_until > timezone.now()
    assert Shipment.objects.get(pk=mng.pk).status == "in_transit"

    # and the next round does not call Yurtiçi at all
    make_due(yurtici, mng)
    with replay("mng", "in_transit") as calls:
        poll_round()
    assert not any("yurticikargo" in url for url in calls.urls)
    assert any("mngkargo" in url for url in calls.urls)


def test_parcels_older_than_the_limit_expire_and_are_no_longer_polled(customer_order):
    configure_plugin(poll_max_age_days="30", **CREDENTIALS["yurtici"])
    shipment = shipment_for(customer_order, "yurtici", "305712345678")
    Shipment.objects.filter(pk=shipment.pk).update(created_at=timezone.now() - timedelta(days=31))

    with responses.RequestsMock() as mock:
        poll_round()

    shipment.refresh_from_db()
    assert shipment.status == "expired"
    assert len(mock.calls) == 0
    assert any("tracking stopped" in m for m in timeline(customer_order))


def test_a_carriers_rate_limit_defers_calls_without_counting_them_as_failures(customer_order):
    configure_plugin(carrier_rate_limits="aras=1", **CREDENTIALS["aras"])
    first = shipment_for(customer_order, "aras", "1234567890123")
    second = shipment_for(customer_order, "aras", "1234567890124")

    with replay("aras", "in_transit") as calls:
        poll_round()

    assert len(calls.urls) == 1
    polled = {first.pk, second.pk} & set(
        Shipment.objects.filter(status="in_transit").values_list("pk", flat=True)
    )
    assert len(polled) == 1
    assert not ShipmentPolling.objects.exclude(last_error_code="").exists()


def test_a_round_claims_due_shipments_so_the_next_round_does_not_send_them_twice(
    customer_order,
):
    from saleor_tracking_plugin.carriers.claims import claim_due_batches
    from saleor_tracking_plugin.config import load_settings

    configure_plugin(**CREDENTIALS["yurtici"])
    shipment = shipment_for(customer_order, "yurtici", "305712345678")

    first = claim_due_batches(load_settings())
    second = claim_due_batches(load_settings())

    assert first == [("yurtici", [shipment.pk])]
    assert second == []


def test_a_carrier_without_a_connector_gets_a_business_day_promise(
    staff_tracking_client, customer_order
):
    # given a PTT parcel handed over on Tuesday 27 October 2026 (29 October is Republic Day)
    shipment = shipment_for(customer_order, "ptt", "RR123456785TR")
    Shipment.objects.filter(pk=shipment.pk).update(
        created_at=timezone.make_aware(datetime(2026, 10, 27, 15, 0))
    )

    # when a polling round runs the next morning
    with freeze_time("2026-10-28 07:00:00"):
        poll_round()
        [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]

    # then its three business days skip the holiday and the weekend
    assert parcel["estimatedDelivery"] == "2026-11-02"
    assert parcel["estimatedDeliverySource"] == "TRANSIT_TABLE"


def test_a_hostile_carrier_answer_is_a_problem_staff_see_not_a_crash(
    staff_tracking_client, customer_order
):
    configure_plugin(poll_retries="0", **CREDENTIALS["yurtici"])
    shipment = shipment_for(customer_order, "yurtici", "305712345678")

    with replay("yurtici", "entity_expansion"):
        poll_round()

    shipment.refresh_from_db()
    assert shipment.status == "info_received"
    [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]
    assert parcel["trackingProblem"]["code"] == "MALFORMED"
    assert "DTD" in parcel["trackingProblem"]["message"]


CARRIER_HEALTH = "{ carrierHealth { code consecutiveFailures pausedUntil lastError } }"


def test_staff_see_which_carriers_are_paused(staff_tracking_client, customer_order):
    configure_plugin(circuit_failure_threshold="1", poll_retries="0", **CREDENTIALS["yurtici"])
    shipment_for(customer_order, "yurtici", "305712345678")
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, YURTICI_URL, status=503)
        poll_round()

    content = staff_tracking_client.post_graphql(CARRIER_HEALTH).json()

    health = {row["code"]: row for row in content["data"]["carrierHealth"]}
    assert health["yurtici"]["consecutiveFailures"] == 1
    assert health["yurtici"]["pausedUntil"] is not None
    assert "HTTP 503" in health["yurtici"]["lastError"]
    assert health["ups"]["pausedUntil"] is None


def test_customers_cannot_read_carrier_health(customer_tracking_client):
    content = customer_tracking_client.post_graphql(CARRIER_HEALTH).json()

    assert content["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_a_parcel_of_a_carrier_without_credentials_shows_not_configured_until_they_are_set(
    staff_tracking_client, customer_order
):
    # given a UPS parcel while the merchant has entered no UPS credentials
    shipment = shipment_for(customer_order, "ups", "1Z5338FF0107231059")

    # when polling rounds run
    poll_round()
    make_due(shipment)
    poll_round()

    # then staff see NOT_CONFIGURED on the parcel, and the order's timeline says it once
    [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]
    assert parcel["trackingProblem"]["code"] == "NOT_CONFIGURED"
    assert sum("No credentials" in m for m in timeline(customer_order)) == 1

    # and once the credentials are entered, the next round tracks it and the problem clears
    configure_plugin(**CREDENTIALS["ups"])
    make_due(shipment)
    with replay("ups", "delivered"):
        poll_round()
    [parcel] = order_tracking(staff_tracking_client, customer_order)["shipments"]
    assert parcel["status"] == "DELIVERED"
    assert parcel["trackingProblem"] is None
