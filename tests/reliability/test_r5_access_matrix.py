"""R5: the access matrix. Every root query and mutation of the plugin's schema (walked, so a
new field gets its cells) against every kind of caller, and every hosted page with its right
and a tampered link; each cell is compared with one explicit table of what must happen.

Callers: the order's owner, another customer, a guest with the order's number and email and
with a wrong email, staff without permissions, with MANAGE_PLUGINS only and with MANAGE_ORDERS,
an app with MANAGE_ORDERS, and an expired token."""

from datetime import timedelta
from urllib.parse import urlsplit

import graphene
import pytest
from django.test import Client
from django.utils import timezone
from graphql.type import GraphQLInputObjectType, GraphQLList, GraphQLNonNull
from saleor.core.jwt import JWT_ACCESS_TYPE, jwt_encode, jwt_user_payload
from saleor.graphql.tests.fixtures import ApiClient

from saleor_tracking_plugin.delays.models import DelayBroadcast, OrderDelay
from saleor_tracking_plugin.graphql.permissions import Access
from saleor_tracking_plugin.graphql.schema import ROOT_FIELD_ACCESS, schema
from saleor_tracking_plugin.metrics.export import csv_url
from saleor_tracking_plugin.metrics.report import Scope
from saleor_tracking_plugin.notifications.catalog import Category, Channel
from saleor_tracking_plugin.notifications.unsubscribe import Subscription, unsubscribe_url
from saleor_tracking_plugin.pages.links import delay_choice_token, tracking_page_url
from saleor_tracking_plugin.returns import actions as returns
from saleor_tracking_plugin.returns.notices import order_return_page_url
from saleor_tracking_plugin.surveys import complaints
from saleor_tracking_plugin.surveys.links import complaint_link, survey_link

from ..fixtures import TRACKING_API_PATH
from ..saleor.helpers import configure_plugin
from ..saleor.test_declared_permissions import literal, selection

pytestmark = pytest.mark.django_db

CALLERS = (
    "owner",
    "other_customer",
    "guest_right_pair",
    "guest_wrong_pair",
    "staff",
    "staff_manage_orders",
    "staff_manage_plugins",
    "app",
    "expired_token",
)
ALLOW, DENIED, NOT_FOUND, INVALID_TOKEN = "allowed", "PERMISSION_DENIED", "NOT_FOUND", "401"
# What each caller gets from a field, by the access the field declares.
EXPECTED: dict[Access, dict[str, str]] = {
    Access.PUBLIC: {
        "owner": ALLOW,
        "other_customer": ALLOW,
        "guest_right_pair": ALLOW,
        "guest_wrong_pair": ALLOW,
        "staff": ALLOW,
        "staff_manage_plugins": ALLOW,
        "staff_manage_orders": ALLOW,
        "app": ALLOW,
        "expired_token": INVALID_TOKEN,
    },
    Access.ORDER_HOLDER: {
        "owner": ALLOW,
        "other_customer": NOT_FOUND,
        "guest_right_pair": ALLOW,
        "guest_wrong_pair": NOT_FOUND,
        "staff": NOT_FOUND,
        "staff_manage_plugins": NOT_FOUND,
        "staff_manage_orders": ALLOW,
        "app": ALLOW,
        "expired_token": INVALID_TOKEN,
    },
    Access.CUSTOMER: {
        "owner": ALLOW,
        "other_customer": ALLOW,  # their own preferences
        "guest_right_pair": DENIED,
        "guest_wrong_pair": DENIED,
        "staff": ALLOW,  # a logged-in person, their own preferences
        "staff_manage_plugins": ALLOW,
        "staff_manage_orders": ALLOW,
        "app": DENIED,
        "expired_token": INVALID_TOKEN,
    },
    Access.MANAGE_ORDERS: {
        "owner": DENIED,
        "other_customer": DENIED,
        "guest_right_pair": DENIED,
        "guest_wrong_pair": DENIED,
        "staff": DENIED,
        "staff_manage_plugins": DENIED,
        "staff_manage_orders": ALLOW,
        "app": ALLOW,
        "expired_token": INVALID_TOKEN,
    },
    Access.MANAGE_PLUGINS: {
        "owner": DENIED,
        "other_customer": DENIED,
        "guest_right_pair": DENIED,
        "guest_wrong_pair": DENIED,
        "staff": DENIED,
        "staff_manage_plugins": ALLOW,
        "staff_manage_orders": DENIED,
        "app": DENIED,
        "expired_token": INVALID_TOKEN,
    },
}
# Hosted pages: the signed link is the credential, whoever holds it.
OPEN, REFUSED = "open", "refused"
PAGE_EXPECTED = {"right link": OPEN, "tampered link": REFUSED}


@pytest.fixture
def clients(
    customer_user,
    customer_user2,
    staff_user,
    permission_manage_orders,
    permission_manage_plugins,
    app,
):
    staff_manager = type(staff_user).objects.create(
        email="manager@example.com", is_staff=True, is_active=True
    )
    staff_manager.user_permissions.add(permission_manage_orders)
    plugin_manager = type(staff_user).objects.create(
        email="plugins@example.com", is_staff=True, is_active=True
    )
    plugin_manager.user_permissions.add(permission_manage_plugins)
    app.permissions.add(permission_manage_orders)
    expired = ApiClient(api_path=TRACKING_API_PATH)
    expired.token = jwt_encode(
        jwt_user_payload(customer_user, JWT_ACCESS_TYPE, timedelta(seconds=-60))
    )
    guest = ApiClient(api_path=TRACKING_API_PATH)
    return {
        "owner": ApiClient(user=customer_user, api_path=TRACKING_API_PATH),
        "other_customer": ApiClient(user=customer_user2, api_path=TRACKING_API_PATH),
        "guest_right_pair": guest,
        "guest_wrong_pair": guest,
        "staff": ApiClient(user=staff_user, api_path=TRACKING_API_PATH),
        "staff_manage_orders": ApiClient(user=staff_manager, api_path=TRACKING_API_PATH),
        "staff_manage_plugins": ApiClient(user=plugin_manager, api_path=TRACKING_API_PATH),
        "app": ApiClient(app=app, api_path=TRACKING_API_PATH),
        "expired_token": expired,
    }


@pytest.fixture
def world(delivered_order, customer_user):
    """An order with a parcel, a return, a delay, a complaint and a crisis broadcast."""
    configure_plugin(
        guest_lookup_limit="1000", guest_order_attempt_limit="1000", return_auto_approve="false"
    )
    shirt = delivered_order.lines.get(product_sku="SKU_AA")
    ret = returns.request_return(
        delivered_order,
        [(shirt.pk, 1)],
        reason="size",
        resolution="refund",
        actor=returns.Actor(user=customer_user),
    )
    delay = OrderDelay.objects.create(
        order=delivered_order, opened_at=timezone.now() - timedelta(days=1)
    )
    complaint = complaints.customer_writes(delivered_order, "Late and damaged")
    broadcast = DelayBroadcast.objects.create(message="Strike at the hub")
    gid = graphene.Node.to_global_id
    return {
        "order": delivered_order,
        "delay": delay,
        "ids": {
            "orderId": gid("Order", delivered_order.pk),
            "orderLineId": gid("OrderLine", shirt.pk),
            "lineId": gid("ReturnLine", ret.lines.get().pk),
            "returnId": gid("Return", ret.pk),
            "shipmentId": gid("Shipment", delivered_order.tracked_shipments.get().pk),
            "delayId": gid("OrderDelay", delay.pk),
            "return": gid("Return", ret.pk),
            "complaint": gid("Complaint", complaint.pk),
            "delayBroadcast": gid("DelayBroadcast", broadcast.pk),
            "messageType": "return_approved",
        },
    }


def argument(name: str, graphql_type, ids: dict, field_name: str) -> str:
    """A literal for an argument or input field: the world's real IDs where one is named."""
    inner = graphql_type.of_type if isinstance(graphql_type, GraphQLNonNull) else graphql_type
    if isinstance(inner, GraphQLInputObjectType):
        parts = [
            f"{key}: {argument(key, field.type, ids, field_name)}"
            for key, field in inner.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        ]
        return "{" + ", ".join(parts) + "}"
    if isinstance(inner, GraphQLList):
        return f"[{argument(name, inner.of_type, ids, field_name)}]"
    if name == "id":
        kind = next(
            (k for k in ("return", "complaint", "delayBroadcast") if field_name.startswith(k)), None
        )
        if kind:
            return f'"{ids[kind]}"'
    if ids.get(name):
        return f'"{ids[name]}"'
    return literal(graphql_type)


def document(operation: str, name: str, field, caller: str, world: dict) -> str:
    order = world["order"]
    args = {
        arg: argument(arg, definition.type, world["ids"], name)
        for arg, definition in field.args.items()
        if isinstance(definition.type, GraphQLNonNull)
    }
    if ROOT_FIELD_ACCESS[name] is Access.ORDER_HOLDER:
        if caller.startswith("guest"):
            email = (
                order.user_email if caller == "guest_right_pair" else "not.the.buyer@example.com"
            )
            args.update(number=f'"{order.number}"', email=f'"{email}"')
        else:
            args["id"] = f'"{world["ids"]["orderId"]}"'
    call = f"{name}({', '.join(f'{k}: {v}' for k, v in args.items())})" if args else name
    return f"{operation} {{ {call} {selection(field.type)} }}"


def outcome(response) -> str:
    if response.status_code == 401:
        return INVALID_TOKEN
    body = response.json()
    codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
    assert "INTERNAL_ERROR" not in codes, body
    for code in (DENIED, NOT_FOUND):
        if code in codes:
            return code
    return ALLOW


def test_every_field_answers_every_caller_as_the_table_says(clients, world):
    roots = (("query", schema.get_query_type()), ("mutation", schema.get_mutation_type()))
    cells, wrong = 0, []
    # Mutations run for real: a cell that changes state (a return cancelled by its owner) may
    # turn a later cell's answer into a typed refusal (INVALID_STATUS), which is still "allowed"
    # access; only PERMISSION_DENIED, NOT_FOUND and 401 are refusals of access.
    for operation, root in roots:
        for name, field in root.fields.items():
            access = ROOT_FIELD_ACCESS[name]
            for caller in CALLERS:
                query = document(operation, name, field, caller, world)
                response = clients[caller].post_graphql(query)
                got = outcome(response)
                cells += 1
                if got != EXPECTED[access][caller]:
                    wrong.append(
                        f"{name} as {caller}: {got}, expected {EXPECTED[access][caller]}"
                        f" ({response.content[:300]!r})"
                    )
    fields = sum(len(root.fields) for _, root in roots)
    print(
        f"\nR5 access matrix: {fields} fields x {len(CALLERS)} callers = {cells} cells, "
        f"wrong {len(wrong)}"
    )
    assert fields >= 30
    assert wrong == [], wrong


def page_links(world: dict) -> dict[str, tuple[str, str, dict]]:
    """(method, URL, form) of every hosted page with its right link."""
    order, delay = world["order"], world["delay"]
    track = tracking_page_url(order.pk)
    now = timezone.now()
    scope = Scope(start=now - timedelta(days=30), end=now, interval="day", timezone="UTC")
    token = dict(p.split("=", 1) for p in urlsplit(track).query.split("&"))["t"]
    return {
        "track": ("get", track, {}),
        "return": ("get", order_return_page_url(order), {}),
        "survey": ("get", survey_link(order), {}),
        "complaint": ("get", complaint_link(order), {}),
        "unsubscribe": (
            "get",
            unsubscribe_url(
                Subscription(order.user_email, Channel.EMAIL, Category.MARKETING, "en")
            ),
            {},
        ),
        "metrics csv": ("get", csv_url(scope), {}),
        "delay choice": (
            "post",
            "/plugins/global/saleor_tracking_plugin/pages/delay/choose/",
            {"t": token, "d": delay_choice_token(delay), "choice": "wait"},
        ),
    }


def tampered(url: str, form: dict) -> tuple[str, dict]:
    if form:
        return url, {**form, "d": form["d"][:-3] + "abc"}
    return url[:-3] + ("abc" if not url.endswith("abc") else "xyz"), form


def page_outcome(response) -> str:
    if response.status_code == 200:
        return OPEN
    if response.status_code == 303 and "result=saved" in response["Location"]:
        return OPEN
    assert response.status_code < 500, response.status_code
    return REFUSED


def test_every_page_opens_with_its_link_and_only_with_it_whoever_asks(clients, world):
    cells, wrong = 0, []
    for page, (method, url, form) in page_links(world).items():
        path = urlsplit(url)._replace(scheme="", netloc="").geturl()
        for link, (target, data) in {
            "right link": (path, form),
            "tampered link": tampered(path, form),
        }.items():
            for caller in CALLERS:
                client = clients[caller]
                # Django's own post (ApiClient's posts JSON to the GraphQL path), with the
                # caller's Authorization header all the same.
                response = (
                    Client.post(client, target, data) if method == "post" else client.get(target)
                )
                got = page_outcome(response)
                cells += 1
                if got != PAGE_EXPECTED[link]:
                    wrong.append(f"{page} with the {link} as {caller}: {got}")
    print(
        f"\nR5 page matrix: {len(page_links(world))} pages x 2 links x {len(CALLERS)} callers"
        f" = {cells} cells, wrong {len(wrong)}"
    )
    assert wrong == []
