"""Fixtures of the survey and complaint tests."""

import uuid

import pytest
from django.utils import timezone

from saleor_tracking_plugin.notifications.models import OutboxMessage


def queued(order, message_type: str) -> list[OutboxMessage]:
    """The outbox rows of one message type about the order."""
    return list(OutboxMessage.objects.filter(order=order, message_type=message_type))


@pytest.fixture
def rated_order(delivered_order):
    """`delivered_order`, surveyed and answered with a 4 by its customer just now."""
    from saleor_tracking_plugin.surveys.actions import Answer, submit_answer

    submit_answer(delivered_order, Answer(score=4), now=timezone.now())
    return delivered_order


@pytest.fixture
def unhappy_order(delivered_order):
    """`delivered_order`, rated 1 with a comment: it has an open complaint."""
    from saleor_tracking_plugin.surveys.actions import Answer, submit_answer

    submit_answer(
        delivered_order,
        Answer(score=1, comment="The box was crushed.", topics=["packaging"]),
    )
    return delivered_order


def another_delivered_order_of(order):
    """A copy of `order` with its delivered parcel: the same customer's next order."""
    from saleor.order.models import get_order_number

    from saleor_tracking_plugin.tracking.models import Shipment

    order = type(order).objects.get(pk=order.pk)  # a copy: the caller's object stays as it is
    fulfillment = order.fulfillments.get()
    shipment = Shipment.objects.get(order=order)
    lines = list(order.lines.all())
    order.pk = uuid.uuid4()
    order._state.adding = True
    order.number = get_order_number()
    order.save()
    fulfillment.pk = None
    fulfillment.order = order
    fulfillment.save()
    for line in lines:
        line.pk = uuid.uuid4()
        line._state.adding = True
        line.order = order
        line.save()
    shipment.pk = None
    shipment.order = order
    shipment.fulfillment = fulfillment
    shipment.save()
    return order
