"""Twilio Programmable Messaging: POST /2010-04-01/Accounts/{sid}/Messages.json.

Form-encoded To, From (a number) or MessagingServiceSid (MG...), Body; HTTP Basic auth with the
Account SID and auth token. 201 answers the Message resource (its `sid`, `status: queued`);
errors answer {"code", "message", "more_info", "status"}. Twilio's Messages API takes no
idempotency key, so a resend after a worker crash may duplicate (see docs/notifications.md).
"""

from ..config import TwilioAccount
from .base import PermanentSendError, SendResult, json_body, post
from .phone_formats import UnsupportedNumber, twilio_number

PROVIDER = "twilio"


def send_twilio_sms(
    number: str, text: str, idempotency_key: str, account: TwilioAccount
) -> SendResult:
    """Create one outbound Message; its SID is the provider message ID."""
    sid = account.account_sid
    if not (sid and account.auth_token and account.sender):
        raise PermanentSendError("Twilio is not configured (account SID, token, sender)")
    sender = account.sender
    try:
        form = {"To": twilio_number(number), "Body": text}
    except UnsupportedNumber as unsupported:
        raise PermanentSendError(str(unsupported)) from unsupported
    form["MessagingServiceSid" if sender.startswith("MG") else "From"] = sender
    base = account.api_url.rstrip("/")
    response = post(
        f"{base}/2010-04-01/Accounts/{sid}/Messages.json",
        data=form,
        auth=(sid, account.auth_token),
    )
    body = json_body(response)
    if response.status_code not in (200, 201):
        raise PermanentSendError(
            f"Twilio error {body.get('code')}: {body.get('message')} (HTTP {response.status_code})"
        )
    return SendResult(provider=PROVIDER, provider_message_id=str(body.get("sid", "")))
