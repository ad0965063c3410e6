"""The merchant's CRM receives every message as signed JSON (see docs/crm-webhook.md).

Headers: `X-STP-Event: message`, `X-STP-Delivery: <idempotency key>` (the same on every retry
of one message, so the receiver can drop repeats), `X-STP-Timestamp: <unix seconds>`,
`X-STP-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed by the secret>`.
Any 2xx is success; 429, 5xx and network errors are retried; other answers are failures.
"""

import hashlib
import hmac
import json
import time
from typing import Any

from ...config import Settings
from ..config import notification_settings
from ..models import OutboxMessage
from .base import PermanentSendError, SendResult, post

PROVIDER = "crm_webhook"


def signature(secret: str, timestamp: str, raw_body: bytes) -> str:
    """`sha256=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>` under the secret."""
    signed = timestamp.encode() + b"." + raw_body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def webhook_body(message: OutboxMessage) -> dict[str, Any]:
    """What the CRM learns about one message."""
    facts = {k: v for k, v in message.facts.items() if k != "unsubscribe_link"}
    order = message.order
    return {
        "event": "message",
        "id": str(message.idempotency_key),
        "message_type": message.message_type,
        "category": message.category,
        "language": message.language,
        "created_at": message.created_at.isoformat(),
        "order": {
            "id": str(order.pk),
            "number": str(order.number),
            "email": order.user_email,
        },
        "subject": message.subject,
        "text": message.body,
        "facts": facts,
    }


def send_crm_webhook(message: OutboxMessage, settings: Settings) -> SendResult:
    """POST the signed message to the merchant's CRM."""
    secret = settings.typed(notification_settings).crm_webhook.secret
    if not secret:
        raise PermanentSendError("The CRM webhook secret is not set")
    raw_body = json.dumps(webhook_body(message), ensure_ascii=False, sort_keys=True).encode()
    timestamp = str(int(time.time()))
    response = post(
        message.recipient,
        data=raw_body,
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "X-STP-Event": "message",
            "X-STP-Delivery": str(message.idempotency_key),
            "X-STP-Timestamp": timestamp,
            "X-STP-Signature": signature(secret, timestamp, raw_body),
        },
    )
    if not 200 <= response.status_code < 300:
        raise PermanentSendError(f"CRM answered HTTP {response.status_code}")
    return SendResult(provider=PROVIDER, provider_message_id=str(message.idempotency_key))
