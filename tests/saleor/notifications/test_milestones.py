"""Carrier milestones become messages: one sensible message, even when statuses jump."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage
from saleor_tracking_plugin.tracking.actions import record_events
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from ..helpers import fulfill

S = ShipmentStatus
NUMBER = "305712345678"
SCANS_START = datetime(2026, 11, 23, 8, tzinfo=UTC)


@pytest.fixture(autouse=True)
def a_day_after_the_last_scan():
    """The scans below are a day old, not years: the delay rules read the clock too."""
    with freeze_time(SCANS_START + timedelta(hours=30), tick=True):
        yield


def _scan(status: ShipmentStatus, hours: int, description: str = "", location: str = ""):
    return TrackingEventData(
        occurred_at=SCANS_START + timedelta(hours=hours),
        status=status,
        description=description,
        location=location,
    )


def _shipped(staff, order, warehouse) -> Shipment:
    fulfill(staff, order, warehouse, NUMBER)
    mail.outbox.clear()
    return Shipment.objects.get(order=order)


def test_a_jump_through_several_statuses_sends_only_the_last_milestone(
    staff_fulfiller, turkish_order, warehouse, email_only, after_commit
):
    shipment = _shipped(staff_fulfiller, turkish_order, warehouse)

    # when one carrier poll reports in transit, out for delivery and delivered at once
    with after_commit():
        record_events(
            shipment.pk,
            [_scan(S.IN_TRANSIT, 1), _scan(S.OUT_FOR_DELIVERY, 20), _scan(S.DELIVERED, 24)],
            "test",
        )

    # then the customer hears once: delivered
    [email] = mail.outbox
    assert email.subject == f"{turkish_order.number} numaralı siparişiniz teslim edildi"
    types = list(OutboxMessage.objects.filter(order=turkish_order).values_list("message_type"))
    assert sorted(t for (t,) in types) == ["delivered", "shipped"]


def test_delivered_drops_an_older_milestone_still_waiting(
    staff_fulfiller, turkish_order, warehouse, email_only, after_commit
):
    shipment = _shipped(staff_fulfiller, turkish_order, warehouse)
    with after_commit():
        record_events(shipment.pk, [_scan(S.OUT_FOR_DELIVERY, 1)], "test")
    waiting = OutboxMessage.objects.get(message_type="out_for_delivery")
    # (as if it were still waiting for a retry when the parcel was delivered)
    OutboxMessage.objects.filter(pk=waiting.pk).update(
        status=MessageStatus.QUEUED, not_before=timezone.now() + timedelta(hours=1)
    )

    with after_commit():
        record_events(shipment.pk, [_scan(S.DELIVERED, 3)], "test")

    waiting.refresh_from_db()
    assert waiting.status == MessageStatus.CANCELLED
    assert waiting.last_error == "Superseded by delivered"
    assert OutboxMessage.objects.get(message_type="delivered").status == MessageStatus.SENT


def test_the_same_carrier_event_reported_twice_sends_one_message(
    staff_fulfiller, turkish_order, warehouse, email_only, after_commit
):
    shipment = _shipped(staff_fulfiller, turkish_order, warehouse)
    scan = _scan(S.FAILED_ATTEMPT, 5, "Alıcı adreste bulunamadı", "Kadıköy")

    with after_commit():
        record_events(shipment.pk, [scan], "poll")
    with after_commit():
        record_events(shipment.pk, [scan], "webhook")

    [email] = mail.outbox
    assert (
        f"Sayın Ahmet Yılmaz, {turkish_order.number} numaralı siparişiniz Yurtiçi Kargo "
        "tarafından teslim edilemedi: Alıcı adreste bulunamadı." in email.body
    )


def test_a_second_failed_attempt_on_another_day_is_news(
    staff_fulfiller, english_order, warehouse, email_only, after_commit
):
    shipment = _shipped(staff_fulfiller, english_order, warehouse)

    with after_commit():
        record_events(shipment.pk, [_scan(S.FAILED_ATTEMPT, 5)], "poll")
    with after_commit():
        record_events(shipment.pk, [_scan(S.OUT_FOR_DELIVERY, 24)], "poll")
    with after_commit():
        record_events(shipment.pk, [_scan(S.FAILED_ATTEMPT, 29)], "poll")

    subjects = [email.subject for email in mail.outbox]
    number = english_order.number
    assert subjects == [
        f"We could not deliver your order {number}",
        f"Your order {number} is out for delivery",
        f"We could not deliver your order {number}",
    ]


def test_in_transit_scans_send_nothing(
    staff_fulfiller, english_order, warehouse, email_only, after_commit
):
    shipment = _shipped(staff_fulfiller, english_order, warehouse)

    with after_commit():
        record_events(shipment.pk, [_scan(S.IN_TRANSIT, 1)], "poll")

    assert mail.outbox == []
