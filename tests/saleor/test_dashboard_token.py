"""The dashboard extension's token: Saleor's JWT for the plugin's App, checked before use."""

import json
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.test import Client
from freezegun import freeze_time
from saleor.app.models import App
from saleor.core.jwt import create_access_token_for_app

from saleor_tracking_plugin.saleor_glue.dashboard_app import register_dashboard_app

from ..fixtures import TRACKING_API_PATH

CARRIER_HEALTH = "{ carrierHealth { code } }"
ISSUED = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def dashboard_app(db):
    app, _ = register_dashboard_app("https://api.shop.example")
    return app


@pytest.fixture
def order_manager(staff_user, permission_group_manage_orders):
    permission_group_manage_orders.user_set.add(staff_user)
    return staff_user


def ask(token: str) -> tuple[int, dict]:
    response = Client().post(
        TRACKING_API_PATH,
        data=json.dumps({"query": CARRIER_HEALTH}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    return response.status_code, json.loads(response.content)


def test_the_dashboard_apps_token_of_an_order_manager_is_accepted(dashboard_app, order_manager):
    token = create_access_token_for_app(dashboard_app, order_manager)

    status, body = ask(token)

    assert status == 200 and "errors" not in body
    assert isinstance(body["data"]["carrierHealth"], list)


def test_an_expired_token_is_refused(dashboard_app, order_manager):
    with freeze_time(ISSUED):
        token = create_access_token_for_app(dashboard_app, order_manager)

    with freeze_time(ISSUED + settings.JWT_TTL_APP_ACCESS + timedelta(seconds=1)):
        status, body = ask(token)

    assert status == 401
    assert body == {
        "errors": [{"message": "Signature has expired", "extensions": {"code": "INVALID_TOKEN"}}]
    }


def test_another_apps_token_is_refused(dashboard_app, order_manager, permission_manage_orders):
    # given another third-party app holding MANAGE_ORDERS, opened by the same staff user
    other = App.objects.create(name="Other app", is_active=True, type="thirdparty")
    other.permissions.add(permission_manage_orders)
    token = create_access_token_for_app(other, order_manager)

    status, body = ask(token)

    assert status == 401
    assert body["errors"][0]["extensions"] == {"code": "INVALID_TOKEN"}
    assert "not issued to the tracking dashboard app" in body["errors"][0]["message"]


def test_a_forged_signature_is_refused(dashboard_app, order_manager):
    header, payload, signature = create_access_token_for_app(dashboard_app, order_manager).split(
        "."
    )
    forged = f"{header}.{payload}.{signature[::-1]}"

    status, body = ask(forged)

    assert status == 401
    assert body["errors"][0]["extensions"] == {"code": "INVALID_TOKEN"}


def test_a_staff_user_without_manage_orders_is_denied(dashboard_app, staff_user):
    # given the App holds MANAGE_ORDERS but the staff user does not: the token carries neither
    token = create_access_token_for_app(dashboard_app, staff_user)

    status, body = ask(token)

    assert status == 200
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "PERMISSION_DENIED"}


def test_a_superuser_gets_only_what_the_token_carries(dashboard_app, superuser):
    # given the App lost MANAGE_ORDERS: the intersection Saleor signed is empty
    dashboard_app.permissions.clear()
    token = create_access_token_for_app(dashboard_app, superuser)

    status, body = ask(token)

    assert body["errors"][0]["extensions"] == {"code": "PERMISSION_DENIED"}


def test_a_removed_dashboard_app_token_stops_working(dashboard_app, order_manager):
    token = create_access_token_for_app(dashboard_app, order_manager)
    dashboard_app.is_active = False
    dashboard_app.save(update_fields=["is_active"])

    status, _ = ask(token)

    assert status == 401
