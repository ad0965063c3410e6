"""Saleor calls several of the plugin's hooks for one `orderFulfill` with a tracking number
(`tracking_number_updated`, `fulfillment_created`, `fulfillment_approved` when the order is
then fulfilled); the parcel's sync is queued once for them all, and never at the cost of a
later change.

How the syncs are counted: Celery sends tasks to kombu's in-memory broker here instead of
running them eagerly (Saleor's test settings), so each test reads the messages a worker
would receive, and runs them as a worker would, after Saleor's mutation has returned. A
message is what costs the worker its time, and it is only in the queue if the plugin
published it: nothing of the plugin is replaced. (With the hooks queueing unconditionally, as
before the pending-sync row, the first test reads three messages: counted on Saleor 3.21.69 and
3.23.28; 3.22's order actions call the same hooks.)
"""

import threading
import time
from datetime import timedelta

import graphene
import pytest
from django.db import connections, transaction
from django.db.models import F
from saleor.graphql.tests.utils import get_graphql_content
from saleor.order.models import Fulfillment
from saleor.plugins.manager import get_plugins_manager

from saleor_tracking_plugin.tracking.models import PendingShipmentSync, Shipment
from saleor_tracking_plugin.tracking.sync_queue import STALE_AFTER
from saleor_tracking_plugin.tracking.tasks import (
    reconcile_shipments_task,
    sync_fulfillment_shipment_task,
)

from ..reliability.faults import broker_down
from .helpers import FULFILLMENT_UPDATE_TRACKING, configure_plugin, fulfill
from .memory_broker import memory_broker

FIRST_NUMBER = "305712345678"
CORRECTED_NUMBER = "305799999999"


def correct_tracking_number(staff_api_client, fulfillment: Fulfillment, number: str) -> None:
    """Staff change the fulfillment's tracking number through Saleor's mutation."""
    response = staff_api_client.post_graphql(
        FULFILLMENT_UPDATE_TRACKING,
        {
            "id": graphene.Node.to_global_id("Fulfillment", fulfillment.pk),
            "input": {"trackingNumber": number},
        },
    )
    data = get_graphql_content(response)["data"]["orderFulfillmentUpdateTracking"]
    assert data["errors"] == []


def fulfilled(staff_api_client, order, warehouse) -> Fulfillment:
    """Staff fulfil every line of `order` with FIRST_NUMBER through Saleor's `orderFulfill`."""
    assert fulfill(staff_api_client, order, warehouse, FIRST_NUMBER)["errors"] == []
    return Fulfillment.objects.get(order=order)


def age_pending_syncs() -> None:
    """Every pending sync was queued longer ago than a queued task ever waits."""
    PendingShipmentSync.objects.update(
        requested_at=F("requested_at") - STALE_AFTER - timedelta(minutes=1)
    )


@pytest.fixture(autouse=True)
def staff_manage_orders(staff_api_client, permission_group_manage_orders):
    """The staff member of these tests fulfils orders."""
    permission_group_manage_orders.user_set.add(staff_api_client.user)


def test_order_fulfill_with_a_tracking_number_queues_one_shipment_sync(
    staff_api_client, order_with_lines, warehouse
):
    # given a shop with Yurtiçi as its carrier, and a worker's queue
    configure_plugin(default_carrier="yurtici")
    with memory_broker() as broker:
        # when staff fulfil the whole order with a tracking number (Saleor calls three hooks)
        fulfillment = fulfilled(staff_api_client, order_with_lines, warehouse)

        # then one sync is queued, and running it tracks the parcel
        queued = broker.take(sync_fulfillment_shipment_task)
        assert queued == [[fulfillment.pk]]
        sync_fulfillment_shipment_task.apply(args=queued[0]).get()
    shipment = Shipment.objects.get(fulfillment=fulfillment)
    assert (shipment.carrier_code, shipment.tracking_number) == ("yurtici", FIRST_NUMBER)


def test_a_change_after_the_sync_started_queues_another_sync(
    staff_api_client, order_with_lines, warehouse
):
    # given a parcel whose sync has run
    with memory_broker() as broker:
        fulfillment = fulfilled(staff_api_client, order_with_lines, warehouse)
        assert broker.run(sync_fulfillment_shipment_task) == 1

        # when staff correct the tracking number
        correct_tracking_number(staff_api_client, fulfillment, CORRECTED_NUMBER)

        # then another sync is queued, and the parcel follows the new number
        assert broker.run(sync_fulfillment_shipment_task) == 1
    assert Shipment.objects.get(fulfillment=fulfillment).tracking_number == CORRECTED_NUMBER


def test_a_change_before_the_queued_sync_started_is_read_by_that_sync(
    staff_api_client, order_with_lines, warehouse
):
    # given a fulfilment whose sync is still waiting in the queue
    with memory_broker() as broker:
        fulfillment = fulfilled(staff_api_client, order_with_lines, warehouse)

        # when staff correct the tracking number before a worker takes the sync
        correct_tracking_number(staff_api_client, fulfillment, CORRECTED_NUMBER)

        # then still one sync is queued, and it tracks the corrected number
        assert broker.run(sync_fulfillment_shipment_task) == 1
    assert Shipment.objects.get(fulfillment=fulfillment).tracking_number == CORRECTED_NUMBER


def test_a_lost_sync_does_not_block_a_later_change(staff_api_client, order_with_lines, warehouse):
    # given a fulfilment whose queued sync was lost (a worker crashed with it) long ago
    with memory_broker() as broker:
        fulfillment = fulfilled(staff_api_client, order_with_lines, warehouse)
        assert len(broker.take(sync_fulfillment_shipment_task)) == 1
        age_pending_syncs()

        # when staff correct the tracking number
        correct_tracking_number(staff_api_client, fulfillment, CORRECTED_NUMBER)

        # then a sync is queued again, and the parcel is tracked with the new number
        assert broker.run(sync_fulfillment_shipment_task) == 1
    assert Shipment.objects.get(fulfillment=fulfillment).tracking_number == CORRECTED_NUMBER


def test_a_sync_that_could_not_be_queued_leaves_nothing_pending(
    staff_api_client, order_with_lines, warehouse
):
    # given the broker is down while staff fulfil the order
    with broker_down():
        fulfillment = fulfilled(staff_api_client, order_with_lines, warehouse)
    assert not PendingShipmentSync.objects.exists()

    # when the broker is back and staff correct the tracking number
    with memory_broker() as broker:
        correct_tracking_number(staff_api_client, fulfillment, CORRECTED_NUMBER)

        # then its sync is queued
        assert broker.take(sync_fulfillment_shipment_task) == [[fulfillment.pk]]


def test_a_hook_in_a_transaction_saleor_rolls_back_queues_nothing(order_with_lines, warehouse):
    # given a fulfilment Saleor is making in a transaction
    fulfillment = order_with_lines.fulfillments.create(tracking_number=FIRST_NUMBER)
    manager = get_plugins_manager(allow_replica=False)
    with memory_broker() as broker:
        # when the hook runs inside it and Saleor then rolls the transaction back
        with pytest.raises(RuntimeError), transaction.atomic():
            manager.tracking_number_updated(fulfillment)
            assert PendingShipmentSync.objects.filter(fulfillment=fulfillment).exists()
            raise RuntimeError("Saleor's mutation failed")

        # then nothing is pending and nothing was queued
        assert not PendingShipmentSync.objects.exists()
        assert broker.take(sync_fulfillment_shipment_task) == []


def test_reconciliation_runs_a_sync_whose_task_was_lost(
    staff_api_client, order_with_lines, warehouse
):
    # given a tracked parcel whose number staff corrected, and that correction's sync lost
    with memory_broker() as broker:
        fulfillment = fulfilled(staff_api_client, order_with_lines, warehouse)
        assert broker.run(sync_fulfillment_shipment_task) == 1
        correct_tracking_number(staff_api_client, fulfillment, CORRECTED_NUMBER)
        assert len(broker.take(sync_fulfillment_shipment_task)) == 1
    age_pending_syncs()

    # when the periodic reconciliation runs
    reconcile_shipments_task.apply().get()

    # then the parcel follows the corrected number and no sync is left pending
    assert Shipment.objects.get(fulfillment=fulfillment).tracking_number == CORRECTED_NUMBER
    assert not PendingShipmentSync.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("replica_reads_the_test_database")
def test_a_sync_started_during_saleors_transaction_reads_what_saleor_commits(
    order_with_lines, warehouse
):
    """Saleor 3.21 and 3.22 call `fulfillment_created` inside their transaction for digital
    lines. A hook there that finds a sync queued leaves the change to it; so that sync, if a
    worker starts it before Saleor commits, must wait for the commit before reading."""
    # given a fulfilment whose sync is queued
    fulfillment = order_with_lines.fulfillments.create(tracking_number=FIRST_NUMBER)
    manager = get_plugins_manager(allow_replica=False)
    with memory_broker() as broker:
        manager.tracking_number_updated(fulfillment)
        queued = broker.take(sync_fulfillment_shipment_task)
    assert queued == [[fulfillment.pk]]

    def worker() -> None:
        try:
            sync_fulfillment_shipment_task.apply(args=queued[0]).get()
        finally:
            connections.close_all()

    # when Saleor changes the number in a transaction whose hook finds that sync queued, and
    # a worker starts the sync before Saleor commits
    started = threading.Thread(target=worker)
    with transaction.atomic():
        fulfillment.tracking_number = CORRECTED_NUMBER
        fulfillment.save(update_fields=["tracking_number"])
        manager.tracking_number_updated(fulfillment)
        started.start()
        time.sleep(1)
    started.join(timeout=30)

    # then the sync tracks the number Saleor committed
    assert Shipment.objects.get(fulfillment=fulfillment).tracking_number == CORRECTED_NUMBER
