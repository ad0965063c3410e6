"""Twilio Programmable Messaging: POST /2010-04-01/Accounts/{sid}/Messages.json.

Form-encoded To, From (a number) or MessagingServiceSid (MG...), Body; HTTP Basic auth with the
Account SID and auth token. 201 answers the Message resource (its `sid`, `status: queued`);
errors answer {"code", "message", "more_info", "status"}. Twilio's Messages API takes no
idempotency key, so a resend after a worker crash may duplicate (see docs/notifications.md).
"""

from typing import Any

from .base import PermanentSendError, SendResult, json_body, post
from .phone_formats import UnsupportedNumber, twilio_number

PROVIDER = "twilio"


def send_twilio_sms(number: str, text: str, idempotency_key: str, settings: Any) -> SendResult:
    """Create one outbound Message; its SID is the provider message ID."""
    sid = settings.twilio_account_sid
    if not (sid and settings.twilio_auth_token and settings.twilio_from):
        raise PermanentSendError("Twilio is not configured (account SID, token, sender)")
    sender = settings.twilio_from.strip()
    try:
        form = {"To": twilio_number(number), "Body": text}
    except UnsupportedNumber as unsupported:
        raise PermanentSendError(str(unsupported)) from unsupported
    form["MessagingServiceSid" if sender.startswith("MG") else "From"] = sender
    base = (settings.twilio_api_url or "https://api.twilio.com").rstrip("/")
    response = post(
        f"{base}/2010-04-01/Accounts/{sid}/Messages.json",
        data=form,
        auth=(sid, settings.twilio_auth_token),
    )
    body = json_body(response)
    if response.status_code not in (200, 201):
        raise PermanentSendError(
            f"Twilio error {body.get('code')}: {body.get('message')} (HTTP {response.status_code})"
        )
    return SendResult(provider=PROVIDER, provider_message_id=str(body.get("sid", "")))
