"""Erasure of customers who were sent the same crisis broadcast."""

import pytest
from django.db import IntegrityError, transaction

from saleor_tracking_plugin.delays.models import DelayBroadcast, DelayBroadcastRecipient
from saleor_tracking_plugin.privacy.erasure import erase_customer_data


def test_two_customers_of_one_broadcast_are_both_erased(order_list):
    # given one broadcast sent to two customers
    broadcast = DelayBroadcast.objects.create(message="Aras strike")
    first, second = order_list[:2]
    for order, email in ((first, "ayse@example.com"), (second, "mehmet@example.com")):
        DelayBroadcastRecipient.objects.create(broadcast=broadcast, order=order, email=email)

    # when both customers are erased, one after the other
    erase_customer_data("ayse@example.com")
    erase_customer_data("mehmet@example.com")

    # then neither address is kept, and both recipients (the broadcast's reach) are
    assert list(broadcast.recipients.values_list("email", flat=True)) == ["", ""]


def test_an_address_still_held_is_on_a_broadcast_once(order_list):
    # given a customer on a broadcast
    broadcast = DelayBroadcast.objects.create(message="Aras strike")
    first, second = order_list[:2]
    DelayBroadcastRecipient.objects.create(
        broadcast=broadcast, order=first, email="ayse@example.com"
    )

    # when the same address is added again, then the database refuses it
    with pytest.raises(IntegrityError), transaction.atomic():
        DelayBroadcastRecipient.objects.create(
            broadcast=broadcast, order=second, email="ayse@example.com"
        )
