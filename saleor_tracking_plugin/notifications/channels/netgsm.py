"""Netgsm (Turkey) REST v2: POST https://api.netgsm.com.tr/sms/rest/v2/send.

HTTP Basic auth with the user code and API password; JSON {"msgheader", "messages": [{"msg",
"no"}], "encoding": "TR", "iysfilter"}. The answer is {"code": "00", "jobid": ...} on success;
other codes: 20 text problem, 30 credentials/IP, 40 unknown header, 50/51 İYS account problems,
70 parameters, 80 rate limit, 85 the same number too often, 100/101 system errors.
Numbers are sent as the 10 digits its API description documents (see phone_formats.py).
"""

from ..config import NetgsmAccount
from .base import PermanentSendError, SendResult, TransientSendError, json_body, post
from .phone_formats import UnsupportedNumber, turkish_mobile_digits

PROVIDER = "netgsm"
URL = "https://api.netgsm.com.tr/sms/rest/v2/send"
TRANSIENT_CODES = {"80", "85", "100", "101"}


def send_netgsm_sms(
    number: str, text: str, idempotency_key: str, account: NetgsmAccount
) -> SendResult:
    """Submit one SMS job; its job ID is the provider message ID."""
    if not (account.usercode and account.password and account.header):
        raise PermanentSendError("Netgsm is not configured (user code, password, header)")
    try:
        recipient = turkish_mobile_digits(number, "Netgsm")
    except UnsupportedNumber as unsupported:
        raise PermanentSendError(str(unsupported)) from unsupported
    response = post(
        URL,
        json={
            "msgheader": account.header,
            "messages": [{"msg": text, "no": recipient}],
            "encoding": "TR",
            # Transactional shipping updates are not İYS-filtered commercial messages.
            "iysfilter": "0",
        },
        auth=(account.usercode, account.password),
    )
    body = json_body(response)
    code = str(body.get("code", ""))
    if code == "00" and body.get("jobid"):
        return SendResult(provider=PROVIDER, provider_message_id=str(body["jobid"]))
    error = f"Netgsm code {code}: {body.get('description', '')}".strip()
    if code in TRANSIENT_CODES:
        raise TransientSendError(error)
    raise PermanentSendError(error)
