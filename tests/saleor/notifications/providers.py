"""Recorded provider answers (in each provider's documented format) and merchant settings."""

import json
from pathlib import Path

from ..helpers import configure_plugin

RECORDED = Path(__file__).parent / "recorded"

NO_QUIET_HOURS = {"quiet_hours_start": "00:00", "quiet_hours_end": "00:00"}


def recorded(name: str) -> dict:
    """A recorded provider response body, e.g. recorded("netgsm/send_ok")."""
    return json.loads((RECORDED / f"{name}.json").read_text())


def merchant_with(channel: str, **settings) -> None:
    """A merchant sending the shipped message on one channel, at any hour, via Yurtiçi."""
    configure_plugin(
        default_carrier="yurtici",
        notify_shipped_channels=channel,
        **NO_QUIET_HOURS,
        **settings,
    )


TWILIO = {
    "sms_provider": "twilio",
    "twilio_account_sid": "AC0123456789abcdef0123456789abcdef",
    "twilio_auth_token": "twilio-secret-token",
    "twilio_from": "+14155552345",
}
NETGSM = {
    "sms_provider": "netgsm",
    "netgsm_usercode": "8501112233",
    "netgsm_password": "netgsm-secret",
    "netgsm_header": "MAGAZAM",
}
ILETIMERKEZI = {
    "sms_provider": "iletimerkezi",
    "iletimerkezi_key": "im-key",
    "iletimerkezi_hash": "im-hash",
    "iletimerkezi_sender": "MAGAZAM",
}
WHATSAPP = {
    "whatsapp_phone_number_id": "106540352242922",
    "whatsapp_access_token": "EAAG-token",
    "whatsapp_api_version": "v21.0",
}
TWILIO_URL = (
    "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json"
)
NETGSM_URL = "https://api.netgsm.com.tr/sms/rest/v2/send"
ILETIMERKEZI_URL = "https://api.iletimerkezi.com/v1/send-sms/json"
WHATSAPP_URL = "https://graph.facebook.com/v21.0/106540352242922/messages"
