"""R7: when Saleor deletes a customer (staff's `customerDelete` or the customer's own
`accountDelete`), no personal data of theirs is left in any of the plugin's tables or in the
texts the plugin wrote on the order's timeline; the aggregates stay.

The scan walks every text and JSON column of every model of the plugin, so a new table that
keeps personal data fails here. Kept on purpose (see privacy/erasure.py): contact preferences.

Saleor 3.21-3.23 have no stored order anonymization (`anonymize_order` only builds an unsaved
copy for webhook payloads): customer deletion is the erasure Saleor performs.
"""

from datetime import timedelta

import graphene
import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone
from saleor.account.models import Address
from saleor.core.tokens import account_delete_token_generator
from saleor.graphql.tests.utils import get_graphql_content
from saleor.order import OrderEvents
from saleor.order.models import OrderEvent

from saleor_tracking_plugin.delays import actions as delays
from saleor_tracking_plugin.delays.models import (
    CallOutcome,
    DelayBroadcast,
    DelayBroadcastRecipient,
    DelayCall,
    OrderDelay,
)
from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import ContactPreference, OutboxMessage
from saleor_tracking_plugin.returns import actions as returns
from saleor_tracking_plugin.returns.models import Return
from saleor_tracking_plugin.surveys import complaints
from saleor_tracking_plugin.surveys.actions import Answer, submit_answer
from saleor_tracking_plugin.surveys.models import Complaint, Survey

from ..saleor.helpers import configure_plugin

pytestmark = pytest.mark.django_db

PHONE = "+905321234567"
NAME = "Zeynepşah"
SURNAME = "Karaoğlanlı"
CUSTOMER_DELETE = """
mutation Delete($id: ID!) { customerDelete(id: $id) { errors { field message } } }
"""
ACCOUNT_DELETE = """
mutation Delete($token: String!) { accountDelete(token: $token) { errors { field message } } }
"""
KEPT_ON_PURPOSE = {ContactPreference}


def personal_strings(customer) -> list[str]:
    return [PHONE, "532 123 45 67", NAME, SURNAME, customer.email]


def leftovers(strings: list[str], order) -> list[str]:
    """Every plugin row field and plugin timeline text still holding one of `strings`."""
    found = []
    for model in apps.get_app_config("saleor_tracking_plugin").get_models():
        if model in KEPT_ON_PURPOSE:
            continue
        columns = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values("pk", *columns):
            for column in columns:
                value = str(row[column]).lower()
                found += [
                    f"{model.__name__}.{column}#{row['pk']}: {s}"
                    for s in strings
                    if s.lower() in value
                ]
    for event in OrderEvent.objects.filter(
        order=order, type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION
    ):
        value = str(event.parameters).lower()
        found += [f"timeline#{event.pk}: {s}" for s in strings if s.lower() in value]
    return found


def aggregates(order) -> dict:
    """What the figures are made of: it must survive the erasure."""
    return {
        "messages": sorted(
            OutboxMessage.objects.filter(order=order).values_list("message_type", "channel")
        ),
        "calls": list(DelayCall.objects.filter(delay__order=order).values_list("outcome")),
        "returns": list(
            Return.objects.filter(order=order).values_list("reason", "status", "resolution")
        ),
        "return_lines": Return.objects.filter(order=order).values("lines").count(),
        "survey": list(Survey.objects.filter(order=order).values_list("score", "topics")),
        "complaints": list(Complaint.objects.filter(order=order).values_list("score")),
        "broadcast_recipients": DelayBroadcastRecipient.objects.filter(order=order).count(),
    }


def a_customer_with_a_full_history(order, customer, staff_user, capture):
    """Messages (one sent by email, SMS queued), a delay call note, a return with the
    customer's comment and staff's note, a survey comment, a complaint thread and a crisis
    broadcast, each holding the customer's name, phone or email."""
    customer.first_name, customer.last_name = NAME, SURNAME
    customer.save(update_fields=["first_name", "last_name"])
    address = Address.objects.create(
        first_name=NAME, last_name=SURNAME, city="İSTANBUL", country="TR", phone=PHONE
    )
    order.billing_address = address
    order.shipping_address = address.get_copy()
    order.save(update_fields=["billing_address", "shipping_address"])
    configure_plugin(
        notify_shipped_channels="email,sms",
        quiet_hours_start="00:00",
        quiet_hours_end="00:00",
        return_auto_approve="false",
    )
    with capture(execute=True):
        notify(order, "shipped", dedupe_key="r7", context={"carrier": "Aras Kargo"})
    delay = OrderDelay.objects.create(order=order, opened_at=timezone.now() - timedelta(days=3))
    delays.log_call(delay.pk, CallOutcome.REACHED, f"{NAME} asked to call {PHONE}", staff_user)
    broadcast = DelayBroadcast.objects.create(message="Aras strike")
    DelayBroadcastRecipient.objects.create(broadcast=broadcast, order=order, email=customer.email)
    shirt = order.lines.get(product_sku="SKU_AA")
    ret = returns.request_return(
        order,
        [(shirt.pk, 1)],
        reason="size",
        resolution="refund",
        comment=f"Too small. {NAME} {SURNAME}, 0532 123 45 67",
        actor=returns.Actor(user=customer),
    )
    returns.approve_return(ret, returns.Actor(user=staff_user), f"Spoke to {NAME} on {PHONE}")
    submit_answer(order, Answer(score=1, comment=f"Call me on {PHONE}", topics=["product"]))
    complaints.customer_writes(order, f"{NAME} {SURNAME} here, still waiting")
    ContactPreference.objects.create(
        address=customer.email, channel="email", category="marketing", subscribed=False
    )


def delete_by_staff(staff_api_client, permission_manage_users, customer, _customer_client):
    return staff_api_client.post_graphql(
        CUSTOMER_DELETE,
        {"id": graphene.Node.to_global_id("User", customer.pk)},
        permissions=[permission_manage_users],
    )


def delete_own_account(_staff_api_client, _permission, customer, customer_client):
    token = account_delete_token_generator.make_token(customer)
    return customer_client.post_graphql(ACCOUNT_DELETE, {"token": token})


@pytest.mark.parametrize(
    "deletion",
    [delete_by_staff, delete_own_account],
    ids=["customerDelete", "accountDelete"],
)
def test_deleting_a_customer_leaves_none_of_their_personal_data_and_keeps_the_figures(
    deletion,
    delivered_order,
    customer_user,
    staff_user,
    staff_api_client,
    user_api_client,
    permission_manage_users,
    django_capture_on_commit_callbacks,
):
    # given a customer whose name, phone and email are in every capability of the plugin
    a_customer_with_a_full_history(
        delivered_order, customer_user, staff_user, django_capture_on_commit_callbacks
    )
    strings = personal_strings(customer_user)
    seeded = len(leftovers(strings, delivered_order))
    before = aggregates(delivered_order)
    assert seeded >= 10  # messages, timeline, call, return, survey, complaint, broadcast
    assert before["calls"] and before["returns"] and before["survey"] and before["messages"]

    # when Saleor deletes the customer
    with django_capture_on_commit_callbacks(execute=True):
        response = deletion(
            staff_api_client, permission_manage_users, customer_user, user_api_client
        )
    [result] = get_graphql_content(response)["data"].values()

    # then nothing personal is left, and every figure is
    left = leftovers(strings, delivered_order)
    print(
        f"\nR7 erasure ({deletion.__name__}): personal values before {seeded}, after {len(left)}"
        f"; aggregates kept: {before == aggregates(delivered_order)}"
    )
    assert result["errors"] == []
    assert left == []
    assert aggregates(delivered_order) == before
    assert ContactPreference.objects.filter(subscribed=False).count() == 1


def test_another_customers_data_is_untouched(
    delivered_order,
    customer_user,
    customer_user2,
    staff_user,
    staff_api_client,
    permission_manage_users,
    django_capture_on_commit_callbacks,
):
    # given a customer with a full history
    a_customer_with_a_full_history(
        delivered_order, customer_user, staff_user, django_capture_on_commit_callbacks
    )
    strings = personal_strings(customer_user)
    seeded = leftovers(strings, delivered_order)

    # when Saleor deletes someone else
    with django_capture_on_commit_callbacks(execute=True):
        delete_by_staff(staff_api_client, permission_manage_users, customer_user2, None)

    # then the customer's data is all there
    assert leftovers(strings, delivered_order) == seeded
