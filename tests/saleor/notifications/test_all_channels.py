"""Saleor's orderFulfill sends one shipped message on every channel the merchant enabled."""

import json

import responses
from django.core import mail

from saleor_tracking_plugin.notifications.models import MessageStatus, OutboxMessage
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.tasks import sync_fulfillment_shipment_task

from ..helpers import fulfill
from .providers import NETGSM, NETGSM_URL, WHATSAPP, WHATSAPP_URL, merchant_with, recorded

CRM_URL = "https://crm.example.com/hooks/saleor"
YURTICI_NUMBER = "305712345678"


def _all_channels() -> None:
    merchant_with(
        "email, sms, whatsapp, webhook",
        crm_webhook_url=CRM_URL,
        crm_webhook_secret="s3cret",
        **NETGSM,
        **WHATSAPP,
    )


@responses.activate
def test_one_turkish_message_per_enabled_channel_however_often_the_hooks_run(
    staff_fulfiller, turkish_order, warehouse, after_commit
):
    _all_channels()
    responses.post(NETGSM_URL, json=recorded("netgsm/send_ok"))
    responses.post(WHATSAPP_URL, json=recorded("whatsapp/template_sent"))
    responses.post(CRM_URL, status=200)

    # when staff fulfil through Saleor, and the hooks and reconciliation run again
    fulfill(staff_fulfiller, turkish_order, warehouse, YURTICI_NUMBER)
    shipment = Shipment.objects.get(order=turkish_order)
    with after_commit():
        sync_fulfillment_shipment_task(shipment.fulfillment_id)

    # then each channel carried exactly one shipped message, in Turkish, about this order
    rows = OutboxMessage.objects.filter(order=turkish_order).order_by("channel")
    assert [(row.channel, row.status) for row in rows] == [
        ("email", MessageStatus.SENT),
        ("sms", MessageStatus.SENT),
        ("webhook", MessageStatus.SENT),
        ("whatsapp", MessageStatus.SENT),
    ]
    expected = (
        f"Sayın Ahmet Yılmaz, {turkish_order.number} numaralı siparişiniz Yurtiçi Kargo ile "
        "yola çıktı."
    )
    assert len(mail.outbox) == 1
    assert expected in mail.outbox[0].body
    calls = {call.request.url: call.request for call in responses.calls}
    assert len(responses.calls) == 3
    assert json.loads(calls[NETGSM_URL].body)["messages"][0]["msg"].startswith(expected)
    parameters = json.loads(calls[WHATSAPP_URL].body)["template"]["components"][0]["parameters"]
    assert [p["text"] for p in parameters[:3]] == [
        "Ahmet Yılmaz",
        str(turkish_order.number),
        "Yurtiçi Kargo",
    ]
    assert json.loads(calls[CRM_URL].body)["text"] == expected
