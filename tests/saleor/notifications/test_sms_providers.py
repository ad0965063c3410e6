"""SMS goes through the merchant's provider, in that provider's documented format."""

import base64
import json

import responses
from responses import matchers

from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.models import MessageStatus

from .providers import (
    ILETIMERKEZI,
    ILETIMERKEZI_URL,
    NETGSM,
    NETGSM_URL,
    TWILIO,
    TWILIO_URL,
    merchant_with,
    recorded,
)

FACTS = {"carrier": "Yurtiçi Kargo"}


def _basic(user: str, password: str) -> dict:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _shipped_sms(order, after_commit):
    with after_commit():
        [message] = notify(order, "shipped", dedupe_key="sms", context=FACTS)
    message.refresh_from_db()
    return message


@responses.activate
def test_twilio_gets_the_turkish_text_and_its_sid_is_kept(turkish_order, after_commit):
    merchant_with("sms", **TWILIO)
    call = responses.post(
        TWILIO_URL,
        json=recorded("twilio/message_created"),
        status=201,
        match=[
            matchers.header_matcher(_basic(TWILIO["twilio_account_sid"], "twilio-secret-token"))
        ],
    )

    message = _shipped_sms(turkish_order, after_commit)

    assert call.call_count == 1
    form = dict(pair.split("=", 1) for pair in responses.calls[0].request.body.split("&"))
    assert form["To"] == "%2B905321234567"
    assert form["From"] == "%2B14155552345"
    assert message.body.startswith(
        f"Sayın Ahmet Yılmaz, {turkish_order.number} numaralı siparişiniz Yurtiçi Kargo ile "
        "yola çıktı."
    )
    assert "/pages/track/?t=" in message.body
    assert "İptal: " in message.body  # the way to stop these messages
    assert message.status == MessageStatus.SENT
    assert message.provider == "twilio"
    assert message.provider_message_id == "SM1f0e8ae6ade43cb3c0ce4525424e404f"


@responses.activate
def test_twilio_rejecting_the_number_is_a_failure_without_retries(turkish_order, after_commit):
    merchant_with("sms", **TWILIO)
    responses.post(TWILIO_URL, json=recorded("twilio/error_21211_invalid_to"), status=400)

    message = _shipped_sms(turkish_order, after_commit)

    assert message.status == MessageStatus.FAILED
    assert message.attempts == 1
    assert "21211" in message.last_error


@responses.activate
def test_twilio_rate_limiting_is_retried_later(turkish_order, after_commit):
    merchant_with("sms", **TWILIO)
    responses.post(TWILIO_URL, json=recorded("twilio/error_20429_too_many_requests"), status=429)

    message = _shipped_sms(turkish_order, after_commit)

    assert message.status == MessageStatus.QUEUED
    assert "HTTP 429" in message.last_error


@responses.activate
def test_netgsm_gets_its_json_with_a_ten_digit_number(turkish_order, after_commit):
    merchant_with("sms", **NETGSM)
    call = responses.post(
        NETGSM_URL,
        json=recorded("netgsm/send_ok"),
        match=[matchers.header_matcher(_basic("8501112233", "netgsm-secret"))],
    )

    message = _shipped_sms(turkish_order, after_commit)

    assert call.call_count == 1
    sent = responses.calls[0].request

    body = json.loads(sent.body)
    assert body["msgheader"] == "MAGAZAM"
    assert body["encoding"] == "TR"
    assert body["messages"] == [{"msg": message.body, "no": "5321234567"}]
    assert message.status == MessageStatus.SENT
    assert message.provider_message_id == "17377215342605050417149344"


@responses.activate
def test_netgsm_wrong_credentials_fail_and_its_rate_limit_is_retried(turkish_order, after_commit):
    merchant_with("sms", **NETGSM)
    responses.post(NETGSM_URL, json=recorded("netgsm/send_code_30_credentials"), status=406)

    message = _shipped_sms(turkish_order, after_commit)

    assert message.status == MessageStatus.FAILED
    assert message.last_error.startswith("Netgsm code 30")

    responses.replace(
        responses.POST, NETGSM_URL, json=recorded("netgsm/send_code_80_rate_limit"), status=406
    )
    with after_commit():
        [limited] = notify(turkish_order, "shipped", dedupe_key="second", context=FACTS)
    limited.refresh_from_db()
    assert limited.status == MessageStatus.QUEUED
    assert limited.last_error.startswith("Netgsm code 80")


@responses.activate
def test_iletimerkezi_gets_its_order_json_and_its_order_id_is_kept(turkish_order, after_commit):
    merchant_with("sms", **ILETIMERKEZI)
    responses.post(ILETIMERKEZI_URL, json=recorded("iletimerkezi/send_ok"))

    message = _shipped_sms(turkish_order, after_commit)

    body = json.loads(responses.calls[0].request.body)["request"]
    assert body["authentication"] == {"key": "im-key", "hash": "im-hash"}
    assert body["order"]["sender"] == "MAGAZAM"
    assert body["order"]["message"]["text"] == message.body
    assert body["order"]["message"]["receipents"] == {"number": ["5321234567"]}
    assert message.status == MessageStatus.SENT
    assert message.provider_message_id == "7654321"


@responses.activate
def test_iletimerkezi_errors_fail_or_retry_by_their_code(turkish_order, after_commit):
    merchant_with("sms", **ILETIMERKEZI)
    responses.post(
        ILETIMERKEZI_URL, json=recorded("iletimerkezi/error_401_credentials"), status=401
    )
    message = _shipped_sms(turkish_order, after_commit)
    assert message.status == MessageStatus.FAILED
    assert "Üyelik bilgileri hatalı" in message.last_error

    responses.replace(
        responses.POST,
        ILETIMERKEZI_URL,
        json=recorded("iletimerkezi/error_503_unavailable"),
        status=503,
    )
    with after_commit():
        [unavailable] = notify(turkish_order, "shipped", dedupe_key="again", context=FACTS)
    unavailable.refresh_from_db()
    assert unavailable.status == MessageStatus.QUEUED


def test_no_sms_is_queued_without_a_provider_or_a_valid_number(turkish_order, after_commit):
    merchant_with("sms", sms_provider="")

    with after_commit():
        assert notify(turkish_order, "shipped", dedupe_key="none", context=FACTS) == []
