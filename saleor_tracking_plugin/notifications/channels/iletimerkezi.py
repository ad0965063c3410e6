"""İleti Merkezi (Turkey): POST https://api.iletimerkezi.com/v1/send-sms/json.

JSON {"request": {"authentication": {"key", "hash"}, "order": {"sender", "sendDateTime",
"iys", "iysList", "message": {"text", "receipents": {"number": [...]}}}}} ("receipents" is
their spelling). The answer is {"response": {"status": {"code", "message"}, "order": {"id"}}}
with code 200 on success; 401 credentials, 402 balance, 450 sender, 451 repeated order,
452 recipients, 453 order too large, 454 empty text, 503 temporarily out of service.
"""

from ..config import IletimerkeziAccount
from .base import PermanentSendError, SendResult, TransientSendError, json_body, post
from .phone_formats import UnsupportedNumber, turkish_mobile_digits

PROVIDER = "iletimerkezi"
URL = "https://api.iletimerkezi.com/v1/send-sms/json"
TRANSIENT_CODES = {"503"}


def send_iletimerkezi_sms(
    number: str, text: str, idempotency_key: str, account: IletimerkeziAccount
) -> SendResult:
    """Place one SMS order; its order ID is the provider message ID."""
    if not (account.key and account.hash):
        raise PermanentSendError("İleti Merkezi is not configured (API key and hash)")
    try:
        recipient = turkish_mobile_digits(number, "İleti Merkezi")
    except UnsupportedNumber as unsupported:
        raise PermanentSendError(str(unsupported)) from unsupported
    response = post(
        URL,
        json={
            "request": {
                "authentication": {
                    "key": account.key,
                    "hash": account.hash,
                },
                "order": {
                    "sender": account.sender,
                    "sendDateTime": [],
                    # Shipping updates are informational, not İYS-controlled commercial SMS.
                    "iys": "0",
                    "message": {
                        "text": text,
                        "receipents": {"number": [recipient]},
                    },
                },
            }
        },
    )
    body = json_body(response).get("response", {})
    status = body.get("status", {})
    code = str(status.get("code", ""))
    if code == "200":
        return SendResult(
            provider=PROVIDER, provider_message_id=str(body.get("order", {}).get("id", ""))
        )
    error = f"İleti Merkezi code {code}: {status.get('message', '')}"
    if code in TRANSIENT_CODES:
        raise TransientSendError(error)
    raise PermanentSendError(error)
