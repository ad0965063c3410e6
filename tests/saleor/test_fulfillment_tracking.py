"""Saleor's own fulfillment mutations bring parcels under tracking through the plugin's hooks."""

import json
import logging

import graphene
from saleor.graphql.tests.utils import get_graphql_content
from saleor.order import FulfillmentStatus, OrderEvents
from saleor.order.models import Fulfillment

from saleor_tracking_plugin.carriers.registry import get_carrier
from saleor_tracking_plugin.tracking import actions
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.tasks import (
    reconcile_shipments_task,
    sync_fulfillment_shipment_task,
)

from .helpers import FULFILLMENT_UPDATE_TRACKING, configure_plugin, fulfill

YURTICI_NUMBER = "305712345678"
UPS_NUMBER = "1Z12345E0205271686"

CANCEL_FULFILLMENT = """
mutation Cancel($id: ID!, $warehouseId: ID) {
  orderFulfillmentCancel(id: $id, input: {warehouseId: $warehouseId}) {
    errors { field code }
  }
}
"""

UPDATE_METADATA = """
mutation Meta($id: ID!, $input: [MetadataInput!]!) {
  updateMetadata(id: $id, input: $input) { errors { field code } }
}
"""


def test_order_fulfill_with_a_yurtici_number_creates_a_tracked_shipment(
    staff_api_client, permission_group_manage_orders, order_with_lines, warehouse
):
    # given a Turkish merchant whose contracted carrier is Yurtiçi
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    configure_plugin(default_carrier="Yurtiçi Kargo")

    # when staff fulfil the order in Saleor with Yurtiçi's tracking number
    result = fulfill(staff_api_client, order_with_lines, warehouse, YURTICI_NUMBER)

    # then Saleor succeeds and the parcel is tracked with Yurtiçi's page
    assert result["errors"] == []
    shipment = Shipment.objects.get(order=order_with_lines)
    assert shipment.carrier_code == "yurtici"
    assert shipment.tracking_number == YURTICI_NUMBER
    assert shipment.status == "info_received"
    assert shipment.fulfillment.tracking_number == YURTICI_NUMBER
    assert get_carrier("yurtici").tracking_url(YURTICI_NUMBER).endswith(YURTICI_NUMBER)


def test_fulfill_runs_two_hooks_but_tracking_starts_once(
    staff_api_client, permission_group_manage_orders, order_with_lines, warehouse
):
    permission_group_manage_orders.user_set.add(staff_api_client.user)

    fulfill(staff_api_client, order_with_lines, warehouse, UPS_NUMBER)

    assert Shipment.objects.filter(order=order_with_lines).count() == 1
    started = order_with_lines.events.filter(
        type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION,
        parameters__message__startswith="Tracking started",
    )
    assert started.count() == 1


def test_carrier_is_detected_from_a_distinctive_number(
    staff_api_client, permission_group_manage_orders, order_with_lines, warehouse
):
    permission_group_manage_orders.user_set.add(staff_api_client.user)

    fulfill(staff_api_client, order_with_lines, warehouse, UPS_NUMBER)

    assert Shipment.objects.get(order=order_with_lines).carrier_code == "ups"


def test_tracking_summary_is_mirrored_into_public_order_metadata(
    staff_api_client, permission_group_manage_orders, order_with_lines, warehouse
):
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    configure_plugin(default_carrier="yurtici")

    fulfill(staff_api_client, order_with_lines, warehouse, YURTICI_NUMBER)

    order_with_lines.refresh_from_db()
    metadata = order_with_lines.metadata
    assert metadata["tracking.status"] == "info_received"
    assert metadata["tracking.carrier"] == "Yurtiçi Kargo"
    assert YURTICI_NUMBER in metadata["tracking.url"]
    shipments = json.loads(metadata["tracking.shipments"])
    assert [s["trackingNumber"] for s in shipments] == [YURTICI_NUMBER]


def test_updating_the_tracking_number_in_saleor_restarts_tracking_for_the_new_number(
    staff_api_client, permission_group_manage_orders, order_with_lines, warehouse
):
    # given a tracked fulfillment
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    configure_plugin(default_carrier="yurtici")
    fulfill(staff_api_client, order_with_lines, warehouse, YURTICI_NUMBER)
    fulfillment = Fulfillment.objects.get(order=order_with_lines)

    # when staff correct the number through Saleor
    response = staff_api_client.post_graphql(
        FULFILLMENT_UPDATE_TRACKING,
        {
            "id": graphene.Node.to_global_id("Fulfillment", fulfillment.pk),
            "input": {"trackingNumber": "305799999999"},
        },
    )

    # then the same shipment follows the new number
    assert get_graphql_content(response)["data"]["orderFulfillmentUpdateTracking"]["errors"] == []
    shipment = Shipment.objects.get(order=order_with_lines)
    assert shipment.tracking_number == "305799999999"
    assert shipment.status == "info_received"
    assert order_with_lines.events.filter(
        parameters__message="Tracking number changed from 305712345678 to 305799999999"
    ).exists()


def test_staff_name_the_carrier_in_fulfillment_metadata(
    staff_api_client, permission_group_manage_orders, order_with_lines, warehouse
):
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    fulfill(staff_api_client, order_with_lines, warehouse, YURTICI_NUMBER)
    fulfillment = Fulfillment.objects.get(order=order_with_lines)
    assert Shipment.objects.get(fulfillment=fulfillment).carrier_code == ""

    staff_api_client.post_graphql(
        UPDATE_METADATA,
        {
            "id": graphene.Node.to_global_id("Fulfillment", fulfillment.pk),
            "input": [{"key": "carrier", "value": "Aras Kargo"}],
        },
    )

    assert Shipment.objects.get(fulfillment=fulfillment).carrier_code == "aras"


def test_cancelling_the_fulfillment_stops_tracking(
    staff_api_client, permission_group_manage_orders, order_with_lines, warehouse
):
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    fulfill(staff_api_client, order_with_lines, warehouse, UPS_NUMBER)
    fulfillment = Fulfillment.objects.get(order=order_with_lines)

    response = staff_api_client.post_graphql(
        CANCEL_FULFILLMENT,
        {
            "id": graphene.Node.to_global_id("Fulfillment", fulfillment.pk),
            "warehouseId": graphene.Node.to_global_id("Warehouse", warehouse.pk),
        },
    )

    assert get_graphql_content(response)["data"]["orderFulfillmentCancel"]["errors"] == []
    assert Shipment.objects.get(order=order_with_lines).status == "cancelled"


def test_order_fulfill_succeeds_when_the_plugin_work_fails(
    staff_api_client,
    permission_group_manage_orders,
    order_with_lines,
    warehouse,
    monkeypatch,
    caplog,
):
    # given the plugin's tracking work is broken
    permission_group_manage_orders.user_set.add(staff_api_client.user)

    def broken(*args, **kwargs):
        raise RuntimeError("tracking store unavailable")

    monkeypatch.setattr(actions, "sync_shipment_for_fulfillment", broken)

    # when staff fulfil the order
    result = fulfill(staff_api_client, order_with_lines, warehouse, UPS_NUMBER)

    # then Saleor's mutation is unaffected (reconciliation catches up later)
    assert result["errors"] == []
    assert Fulfillment.objects.filter(order=order_with_lines, tracking_number=UPS_NUMBER).exists()
    assert not Shipment.objects.exists()


def test_order_fulfill_succeeds_when_the_task_queue_is_down(
    staff_api_client,
    permission_group_manage_orders,
    order_with_lines,
    warehouse,
    monkeypatch,
    caplog,
):
    # given the broker refuses every task
    permission_group_manage_orders.user_set.add(staff_api_client.user)

    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("broker unreachable")

    monkeypatch.setattr(sync_fulfillment_shipment_task, "delay", broker_down)

    # when staff fulfil the order
    with caplog.at_level(logging.ERROR, logger="saleor_tracking_plugin"):
        result = fulfill(staff_api_client, order_with_lines, warehouse, UPS_NUMBER)

    # then Saleor's mutation succeeds and the plugin logs why tracking did not start
    assert result["errors"] == []
    assert "could not run" in caplog.text


def test_reconciliation_tracks_fulfillments_whose_hook_work_was_lost(
    staff_api_client, permission_group_manage_orders, order_with_lines, warehouse, monkeypatch
):
    # given a fulfillment whose tracking work failed at the time
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    original = actions.sync_shipment_for_fulfillment
    monkeypatch.setattr(actions, "sync_shipment_for_fulfillment", lambda *a, **k: 1 / 0)
    fulfill(staff_api_client, order_with_lines, warehouse, UPS_NUMBER)
    monkeypatch.setattr(actions, "sync_shipment_for_fulfillment", original)

    # when the periodic reconciliation runs
    tracked = reconcile_shipments_task()

    # then the parcel is tracked after all
    assert tracked == 1
    assert Shipment.objects.get(order=order_with_lines).carrier_code == "ups"


CANCEL_ORDER = """
mutation Cancel($id: ID!) { orderCancel(id: $id) { errors { field code message } } }
"""


def test_cancelling_the_order_stops_tracking_its_parcels(
    staff_api_client, permission_group_manage_orders, order_with_lines, warehouse
):
    # given a tracked parcel whose fulfillment staff marked as returned
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    fulfill(staff_api_client, order_with_lines, warehouse, UPS_NUMBER)
    Fulfillment.objects.filter(order=order_with_lines).update(status=FulfillmentStatus.RETURNED)

    # when staff cancel the order in Saleor
    response = staff_api_client.post_graphql(
        CANCEL_ORDER, {"id": graphene.Node.to_global_id("Order", order_with_lines.pk)}
    )

    # then the parcel is no longer tracked
    assert get_graphql_content(response)["data"]["orderCancel"]["errors"] == []
    assert Shipment.objects.get(order=order_with_lines).status == "cancelled"
