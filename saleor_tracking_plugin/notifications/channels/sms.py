"""SMS: one interface over the providers the merchant may choose in the settings."""

from ...config import Settings
from ..config import notification_settings
from ..models import OutboxMessage
from .base import PermanentSendError, SendResult
from .iletimerkezi import send_iletimerkezi_sms
from .netgsm import send_netgsm_sms
from .twilio import send_twilio_sms


def send_sms(message: OutboxMessage, settings: Settings) -> SendResult:
    """Send the message's text through the SMS provider chosen in the settings; each provider
    takes (E.164 number, text, idempotency key, its account)."""
    notifications = settings.typed(notification_settings)
    sms = (message.recipient, message.body, str(message.idempotency_key))
    if notifications.sms_provider == "twilio":
        return send_twilio_sms(*sms, notifications.twilio)
    if notifications.sms_provider == "netgsm":
        return send_netgsm_sms(*sms, notifications.netgsm)
    if notifications.sms_provider == "iletimerkezi":
        return send_iletimerkezi_sms(*sms, notifications.iletimerkezi)
    raise PermanentSendError(f"Unknown SMS provider {notifications.sms_provider!r}")
