"""WhatsApp template messages and the signed webhook to the merchant's CRM."""

import hashlib
import hmac
import json
from datetime import date

import responses
from responses import matchers

from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import MessageStatus

from .providers import WHATSAPP, WHATSAPP_URL, merchant_with, recorded

CRM_URL = "https://crm.example.com/hooks/saleor"
CRM_SECRET = "crm-shared-secret"


@responses.activate
def test_whatsapp_sends_the_approved_template_in_the_orders_language(turkish_order, after_commit):
    merchant_with("whatsapp", notify_shipped_whatsapp_template="kargo_yolda", **WHATSAPP)
    responses.post(
        WHATSAPP_URL,
        json=recorded("whatsapp/template_sent"),
        match=[matchers.header_matcher({"Authorization": "Bearer EAAG-token"})],
    )

    with after_commit():
        [message] = notify(
            turkish_order,
            "shipped",
            dedupe_key="wa",
            context={"carrier": "Yurtiçi Kargo", "estimated_date": date(2026, 11, 24)},
        )

    payload = json.loads(responses.calls[0].request.body)
    assert payload["messaging_product"] == "whatsapp"
    assert payload["to"] == "905321234567"
    assert payload["type"] == "template"
    template = payload["template"]
    assert template["name"] == "kargo_yolda"
    assert template["language"] == {"code": "tr"}
    assert template["components"][0]["parameters"] == [
        {"type": "text", "text": "Ahmet Yılmaz"},
        {"type": "text", "text": str(turkish_order.number)},
        {"type": "text", "text": "Yurtiçi Kargo"},
        {"type": "text", "text": "24 Kasım 2026"},
    ]
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.provider_message_id.startswith("wamid.")


@responses.activate
def test_an_unknown_template_fails_and_a_rate_limit_is_retried(turkish_order, after_commit):
    merchant_with("whatsapp", **WHATSAPP)
    responses.post(
        WHATSAPP_URL, json=recorded("whatsapp/error_132001_template_missing"), status=404
    )
    with after_commit():
        [missing] = notify(turkish_order, "shipped", dedupe_key="a")
    missing.refresh_from_db()
    assert missing.status == MessageStatus.FAILED
    assert "132001" in missing.last_error

    responses.replace(
        responses.POST, WHATSAPP_URL, json=recorded("whatsapp/error_130429_rate_limit"), status=400
    )
    with after_commit():
        [limited] = notify(turkish_order, "shipped", dedupe_key="b")
    limited.refresh_from_db()
    assert limited.status == MessageStatus.QUEUED
    assert "130429" in limited.last_error


@responses.activate
def test_the_crm_receives_signed_json_it_can_verify(turkish_order, after_commit):
    merchant_with("webhook", crm_webhook_url=CRM_URL, crm_webhook_secret=CRM_SECRET)
    responses.post(CRM_URL, status=204)

    with after_commit():
        [message] = notify(turkish_order, "shipped", dedupe_key="crm", context={"carrier": "MNG"})

    request = responses.calls[0].request
    # the receiver's check, as documented in docs/crm-webhook.md
    timestamp = request.headers["X-STP-Timestamp"]
    expected = hmac.new(
        CRM_SECRET.encode(), timestamp.encode() + b"." + request.body, hashlib.sha256
    ).hexdigest()
    assert request.headers["X-STP-Signature"] == f"sha256={expected}"
    assert request.headers["X-STP-Delivery"] == str(message.idempotency_key)
    body = json.loads(request.body)
    assert body["message_type"] == "shipped"
    assert body["order"]["number"] == str(turkish_order.number)
    assert body["language"] == "tr"
    assert body["facts"]["carrier"] == "MNG"
    assert body["facts"]["customer_name"] == "Ahmet Yılmaz"
    assert "unsubscribe_link" not in body["facts"]
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT


@responses.activate
def test_a_crm_that_is_down_gets_the_same_delivery_again(turkish_order, after_commit):
    merchant_with("webhook", crm_webhook_url=CRM_URL, crm_webhook_secret=CRM_SECRET)
    responses.post(CRM_URL, status=503)

    with after_commit():
        [message] = notify(turkish_order, "shipped", dedupe_key="down")

    message.refresh_from_db()
    assert message.status == MessageStatus.QUEUED
    assert message.attempts == 1
