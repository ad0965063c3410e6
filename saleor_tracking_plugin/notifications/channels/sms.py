"""SMS: one interface over the providers the merchant may choose in the settings."""

from collections.abc import Callable
from typing import Any

from ..models import OutboxMessage
from .base import PermanentSendError, SendResult
from .iletimerkezi import send_iletimerkezi_sms
from .netgsm import send_netgsm_sms
from .twilio import send_twilio_sms

# Each provider: (E.164 number, text, idempotency key, settings) -> SendResult.
SmsProvider = Callable[[str, str, str, Any], SendResult]

SMS_PROVIDERS: dict[str, SmsProvider] = {
    "twilio": send_twilio_sms,
    "netgsm": send_netgsm_sms,
    "iletimerkezi": send_iletimerkezi_sms,
}


def send_sms(message: OutboxMessage, settings: Any) -> SendResult:
    """Send the message's text through the SMS provider chosen in the settings."""
    provider = SMS_PROVIDERS.get((settings.sms_provider or "").strip().lower())
    if provider is None:
        raise PermanentSendError(f"Unknown SMS provider {settings.sms_provider!r}")
    return provider(message.recipient, message.body, str(message.idempotency_key), settings)
