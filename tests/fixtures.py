"""Fixtures of the plugin's tests, on top of Saleor's own."""

import json

import pytest
from saleor.graphql.tests.fixtures import ApiClient
from saleor.webhook.event_types import WebhookEventSyncType

from saleor_tracking_plugin import PLUGIN_ID

TRACKING_API_PATH = f"/plugins/global/{PLUGIN_ID}/graphql/"


def tracking_content(response) -> dict:
    """The JSON body of a response from the plugin's GraphQL endpoint."""
    assert response.status_code == 200, response.content
    return json.loads(response.content)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Counters kept in Saleor's cache (carrier call budgets, guest throttling) start at zero."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def no_kept_settings():
    """The webhook front door keeps the plugin's state per process for seconds; each test
    starts without what an earlier test (rolled back since) left there."""
    from saleor_tracking_plugin import kept_settings

    kept_settings.forget()


@pytest.fixture
def guest_tracking_client():
    return ApiClient(api_path=TRACKING_API_PATH)


@pytest.fixture
def customer_tracking_client(customer_user):
    return ApiClient(user=customer_user, api_path=TRACKING_API_PATH)


@pytest.fixture
def other_customer_tracking_client(customer_user2):
    return ApiClient(user=customer_user2, api_path=TRACKING_API_PATH)


@pytest.fixture
def staff_tracking_client(staff_user, permission_group_manage_orders):
    permission_group_manage_orders.user_set.add(staff_user)
    return ApiClient(user=staff_user, api_path=TRACKING_API_PATH)


@pytest.fixture
def staff_without_orders_tracking_client(staff_user):
    return ApiClient(user=staff_user, api_path=TRACKING_API_PATH)


@pytest.fixture
def app_tracking_client(app, permission_manage_orders):
    app.permissions.add(permission_manage_orders)
    return ApiClient(app=app, api_path=TRACKING_API_PATH)


@pytest.fixture
def customer_order(order_with_lines, customer_user):
    """An order of `customer_user`, paid and ready to fulfil."""
    order_with_lines.user = customer_user
    order_with_lines.user_email = customer_user.email
    order_with_lines.save(update_fields=["user", "user_email"])
    return order_with_lines


@pytest.fixture
def delivered_order(fulfilled_order, customer_user, payment_txn_captured):
    """`customer_user`'s order, paid with the dummy gateway, fulfilled and delivered 2 days ago.

    Lines: 3 × SKU_AA and 2 × SKU_B, shipped from the lines' allocated warehouses.
    """
    from datetime import timedelta

    from django.utils import timezone

    from saleor_tracking_plugin.tracking.models import Shipment
    from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

    order = fulfilled_order
    order.user = customer_user
    order.user_email = customer_user.email
    order.save(update_fields=["user", "user_email"])
    Shipment.objects.create(
        order=order,
        fulfillment=order.fulfillments.get(),
        carrier_code="yurtici",
        tracking_number="305712345678",
        status=ShipmentStatus.DELIVERED,
        delivered_at=timezone.now() - timedelta(days=2),
    )
    return order


@pytest.fixture
def replica_reads_the_test_database(django_db_setup):
    """Point the replica connection of other threads (live server, racing requests) at the
    test database.

    Saleor routes reads to its `replica` alias; in tests that alias mirrors the default one
    only for connections of the main thread.
    """
    from django.conf import settings
    from django.db import connections

    replica = connections.settings[settings.DATABASE_CONNECTION_REPLICA_NAME]
    default = connections.settings[settings.DATABASE_CONNECTION_DEFAULT_NAME]
    original = replica["NAME"]
    replica["NAME"] = default["NAME"]
    yield
    replica["NAME"] = original


@pytest.fixture(autouse=True)
def worker_tests_read_the_test_database(request):
    """Tests with a real worker commit for real: there Saleor's `replica` reads (site settings
    for the shop's name in a message, ...) must reach the test database too."""
    if request.node.get_closest_marker("worker"):
        request.getfixturevalue("replica_reads_the_test_database")


@pytest.fixture
def order_paid_by_transaction(
    delivered_order,
    payment_txn_captured,
    app,
    webhook,
    permission_manage_payments,
    transaction_item_generator,
):
    """The delivered order, paid through a payment app's transaction instead of a Payment."""
    payment_txn_captured.is_active = False
    payment_txn_captured.save(update_fields=["is_active"])
    app.permissions.add(permission_manage_payments)  # Saleor sends payment events only then
    webhook.events.create(event_type=WebhookEventSyncType.TRANSACTION_REFUND_REQUESTED)
    transaction_item_generator(
        order_id=delivered_order.pk,
        app=app,
        charged_value=delivered_order.total.gross.amount,
        available_actions=["refund"],
    )
    return delivered_order
