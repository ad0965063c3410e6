"""A fulfilment with a tracking number tells the customer, once, in their language."""

from datetime import date

from django.core import mail
from saleor.order import OrderEvents

from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage
from saleor_tracking_plugin.saleor_glue.fulfillments import line_label
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.tasks import sync_fulfillment_shipment_task

from ..helpers import configure_plugin, fulfill

YURTICI_NUMBER = "305712345678"


def test_fulfilling_a_turkish_order_emails_the_shipped_message_in_turkish(
    staff_fulfiller, turkish_order, warehouse, email_only
):
    # when staff fulfil the order through Saleor's orderFulfill with a Yurtiçi number
    result = fulfill(staff_fulfiller, turkish_order, warehouse, YURTICI_NUMBER)

    # then Ahmet gets one email, in Turkish, with his name, order number, carrier and items
    assert result["errors"] == []
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    number = turkish_order.number
    assert email.to == ["ahmet@example.com"]
    assert email.subject == f"{number} numaralı siparişiniz yola çıktı"
    assert (
        f"Sayın Ahmet Yılmaz, {number} numaralı siparişiniz Yurtiçi Kargo ile yola çıktı."
        in email.body
    )
    for line in turkish_order.lines.all():
        assert f"{line.quantity} × {line.product_name}" in email.body
    assert "/pages/track/?t=" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert "Sayın Ahmet Yılmaz" in html
    assert "Siparişinizi takip edin" in html
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_an_english_order_gets_the_message_in_english(
    staff_fulfiller, english_order, warehouse, email_only
):
    fulfill(staff_fulfiller, english_order, warehouse, YURTICI_NUMBER)

    [email] = mail.outbox
    number = english_order.number
    assert email.subject == f"Your order {number} is on its way"
    assert f"Dear Jane Smith, your order {number} has shipped with Yurtiçi Kargo." in email.body


def test_the_sent_message_is_on_the_order_timeline_and_in_the_outbox(
    staff_fulfiller, turkish_order, warehouse, email_only
):
    fulfill(staff_fulfiller, turkish_order, warehouse, YURTICI_NUMBER)

    message = OutboxMessage.objects.get(order=turkish_order)
    assert message.status == MessageStatus.SENT
    assert message.message_type == "shipped"
    assert message.attempts == 1
    assert message.sent_at is not None
    timeline = turkish_order.events.filter(
        type=OrderEvents.EXTERNAL_SERVICE_NOTIFICATION,
        parameters__message__startswith="Email sent to ahmet@example.com",
    )
    assert timeline.count() == 1
    assert timeline.get().parameters["outbox_message_id"] == message.pk


def test_repeated_hooks_and_syncs_send_nothing_twice(
    staff_fulfiller, turkish_order, warehouse, email_only, after_commit
):
    # given a shipped order whose customer was told
    fulfill(staff_fulfiller, turkish_order, warehouse, YURTICI_NUMBER)
    shipment = Shipment.objects.get(order=turkish_order)

    # when Saleor's hooks and the reconciliation run again for the same fulfillment
    with after_commit():
        sync_fulfillment_shipment_task(shipment.fulfillment_id)
    with after_commit():
        sync_fulfillment_shipment_task(shipment.fulfillment_id)
    with after_commit():
        notify(
            turkish_order,
            "shipped",
            dedupe_key=f"shipment:{shipment.pk}:{YURTICI_NUMBER}:shipped",
        )

    # then the customer still has one email
    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.filter(order=turkish_order).count() == 1


def test_the_estimated_date_is_written_in_the_customers_language(
    turkish_order, email_only, after_commit
):
    with after_commit():
        notify(
            turkish_order,
            "shipped",
            dedupe_key="estimate",
            context={"carrier": "Yurtiçi Kargo", "estimated_date": date(2026, 11, 24)},
        )

    [email] = mail.outbox
    assert (
        f"Sayın Ahmet Yılmaz, {turkish_order.number} numaralı siparişiniz Yurtiçi Kargo ile "
        "yola çıktı; tahmini teslim 24 Kasım 2026." in email.body
    )


def test_a_merchant_text_replaces_the_built_in_one(turkish_order, email_only, after_commit):
    configure_plugin(
        notify_shipped_text_tr=(
            "Konu: Kargonuz yolda, {customer_name}!\n"
            "Merhaba {customer_name}, {order_number} numaralı siparişiniz {carrier} ile çıktı."
        )
    )

    with after_commit():
        notify(turkish_order, "shipped", dedupe_key="override", context={"carrier": "Aras Kargo"})

    [email] = mail.outbox
    assert email.subject == "Kargonuz yolda, Ahmet Yılmaz!"
    assert (
        f"Merhaba Ahmet Yılmaz, {turkish_order.number} numaralı siparişiniz Aras Kargo ile çıktı."
        in email.body
    )


def test_a_merchant_text_needing_an_unknown_fact_falls_back_to_the_built_in_one(
    turkish_order, email_only, after_commit
):
    configure_plugin(notify_shipped_text_tr="Tahmini teslim: {estimated_date}")

    with after_commit():
        notify(turkish_order, "shipped", dedupe_key="fallback", context={"carrier": "Aras Kargo"})

    [email] = mail.outbox
    assert "Tahmini teslim" not in email.body
    assert "Aras Kargo ile yola çıktı." in email.body


def test_a_channel_the_merchant_turned_off_gets_nothing(staff_fulfiller, turkish_order, warehouse):
    configure_plugin(default_carrier="yurtici", notify_shipped_channels="none")

    fulfill(staff_fulfiller, turkish_order, warehouse, YURTICI_NUMBER)

    assert mail.outbox == []
    assert not OutboxMessage.objects.filter(order=turkish_order).exists()


def test_each_parcels_shipped_message_lists_only_what_is_in_that_parcel(
    staff_fulfiller, turkish_order, warehouse, email_only
):
    # given an order of two lines shipped in two parcels
    first, second = turkish_order.lines.order_by("pk")

    # when staff fulfil each line with its own tracking number
    fulfill(staff_fulfiller, turkish_order, warehouse, YURTICI_NUMBER, lines=[first])
    fulfill(staff_fulfiller, turkish_order, warehouse, "305799990001", lines=[second])

    # then each shipped email lists its own parcel's item, not the other's
    one, two = mail.outbox
    first_item = f"- {first.quantity} × {line_label(first)}\n"
    second_item = f"- {second.quantity} × {line_label(second)}\n"
    assert first_item in one.body and second_item not in one.body
    assert second_item in two.body and first_item not in two.body
