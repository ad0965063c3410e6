"""What customers hear about delays: the apology with choices, and updates with consent."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from saleor.account.models import Address
from saleor.order import OrderStatus

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.delays import actions
from saleor_tracking_plugin.delays.models import OrderDelay
from saleor_tracking_plugin.delays.rules import DelayChoice
from saleor_tracking_plugin.notifications.models import OutboxMessage
from saleor_tracking_plugin.tracking import actions as tracking_actions
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

IST = ZoneInfo("Europe/Istanbul")


@pytest.fixture
def turkish_customer_order(order_with_lines):
    """An unshipped order by Ahmet Yılmaz, placed in Turkish on Monday 16 November."""
    address = Address.objects.create(
        first_name="Ahmet",
        last_name="Yılmaz",
        street_address_1="Bağdat Caddesi 12",
        city="İSTANBUL",
        postal_code="34710",
        country="TR",
        phone="+905321234567",
    )
    order_with_lines.billing_address = address
    order_with_lines.shipping_address = address.get_copy()
    order_with_lines.language_code = "tr"
    order_with_lines.user_email = "ahmet@example.com"
    order_with_lines.created_at = datetime(2026, 11, 16, 12, tzinfo=IST)
    order_with_lines.status = OrderStatus.UNFULFILLED
    order_with_lines.save()
    return order_with_lines


def delay_messages(order, message_type="delay_detected"):
    return list(OutboxMessage.objects.filter(order=order, message_type=message_type))


def test_a_late_customer_is_told_with_an_apology_the_cause_the_date_and_the_link(
    turkish_customer_order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.detect_order_delays(
            turkish_customer_order.pk, now=datetime(2026, 11, 23, 9, tzinfo=IST)
        )

    [message] = delay_messages(turkish_customer_order)
    assert message.channel == "email"
    assert message.recipient == "ahmet@example.com"
    assert message.subject == (
        f"Özür dileriz: {turkish_customer_order.number} numaralı siparişiniz gecikti"
    )
    assert message.body.startswith(
        f"Sayın Ahmet Yılmaz, özür dileriz: {turkish_customer_order.number} numaralı "
        "siparişiniz gecikti. Siparişiniz depomuzdan söz verdiğimizden daha geç çıkıyor. "
        "Yeni tahmini teslim tarihi: 26 Kasım 2026."
    )
    assert f"/plugins/global/{PLUGIN_ID}/pages/track/?t=" in message.body
    # and the email went out after commit
    assert [m.to for m in mail.outbox] == [["ahmet@example.com"]]


def test_the_customer_is_told_once_however_often_the_delay_is_seen(turkish_customer_order):
    for day in (23, 24, 25):
        actions.detect_order_delays(
            turkish_customer_order.pk, now=datetime(2026, 11, day, 9, tzinfo=IST)
        )

    assert len(delay_messages(turkish_customer_order)) == 1


def test_causes_found_together_make_one_message(turkish_customer_order):
    turkish_customer_order.lines.first().allocations.all().delete()

    actions.detect_order_delays(
        turkish_customer_order.pk, now=datetime(2026, 11, 23, 9, tzinfo=IST)
    )

    [message] = delay_messages(turkish_customer_order)
    assert "depomuzdan söz verdiğimizden daha geç çıkıyor" in message.body
    assert "stokta yok" in message.body


@pytest.fixture
def waiting_customer_parcel(turkish_customer_order):
    """A delayed parcel whose customer chose to wait."""
    for line in turkish_customer_order.lines.all():
        line.quantity_fulfilled = line.quantity
        line.save(update_fields=["quantity_fulfilled"])
    shipment = Shipment.objects.create(
        order=turkish_customer_order,
        fulfillment=turkish_customer_order.fulfillments.create(tracking_number="305712345678"),
        carrier_code="yurtici",
        tracking_number="305712345678",
        status=ShipmentStatus.DELAYED,
        estimated_delivery=date(2026, 11, 19),
        last_event_at=timezone.now() - timedelta(hours=5),
    )
    actions.detect_order_delays(turkish_customer_order.pk)
    return shipment


def scan(shipment, status, description="Transfer merkezinde", hours_ago=1):
    tracking_actions.record_events(
        shipment.pk,
        [
            TrackingEventData(
                datetime.now(UTC) - timedelta(hours=hours_ago), status, description, "Ankara"
            )
        ],
        source="yurtici",
    )


def test_a_customer_who_agreed_hears_how_the_delayed_parcel_moves(
    waiting_customer_parcel, django_capture_on_commit_callbacks
):
    delay = OrderDelay.objects.get()
    actions.choose(delay.pk, DelayChoice.WAIT, updates_consent=True)

    with django_capture_on_commit_callbacks(execute=True):
        scan(waiting_customer_parcel, ShipmentStatus.IN_TRANSIT)

    [update] = delay_messages(waiting_customer_parcel.order, "delay_update")
    assert "son durumu: Yolda." in update.body


def test_a_customer_who_did_not_agree_gets_no_updates(
    waiting_customer_parcel, django_capture_on_commit_callbacks
):
    actions.choose(OrderDelay.objects.get().pk, DelayChoice.WAIT, updates_consent=False)

    with django_capture_on_commit_callbacks(execute=True):
        scan(waiting_customer_parcel, ShipmentStatus.IN_TRANSIT)

    assert delay_messages(waiting_customer_parcel.order, "delay_update") == []


def test_milestones_are_not_repeated_as_delay_updates_and_delivery_ends_them(
    waiting_customer_parcel, django_capture_on_commit_callbacks
):
    actions.choose(OrderDelay.objects.get().pk, DelayChoice.CHASE, updates_consent=True)

    with django_capture_on_commit_callbacks(execute=True):
        scan(waiting_customer_parcel, ShipmentStatus.OUT_FOR_DELIVERY, "Dağıtımda", 2)
    with django_capture_on_commit_callbacks(execute=True):
        scan(waiting_customer_parcel, ShipmentStatus.DELIVERED, "Teslim edildi", 1)

    order = waiting_customer_parcel.order
    assert delay_messages(order, "delay_update") == []
    assert len(delay_messages(order, "out_for_delivery")) == 1
    assert OrderDelay.objects.get().resolution == "delivered"


def test_a_carrier_exception_gives_the_delay_message_instead_of_a_second_bad_news(
    turkish_customer_order, django_capture_on_commit_callbacks
):
    for line in turkish_customer_order.lines.all():
        line.quantity_fulfilled = line.quantity
        line.save(update_fields=["quantity_fulfilled"])
    shipment = Shipment.objects.create(
        order=turkish_customer_order,
        fulfillment=turkish_customer_order.fulfillments.create(tracking_number="305712345678"),
        carrier_code="yurtici",
        tracking_number="305712345678",
        status=ShipmentStatus.IN_TRANSIT,
        estimated_delivery=timezone.now().date() + timedelta(days=10),
    )

    with django_capture_on_commit_callbacks(execute=True):
        scan(shipment, ShipmentStatus.EXCEPTION, "Hasarlı paket")

    statuses = dict(
        OutboxMessage.objects.filter(order=turkish_customer_order).values_list(
            "message_type", "status"
        )
    )
    assert statuses == {"delivery_exception": "cancelled", "delay_detected": "sent"}
