"""WhatsApp Business Cloud API: POST https://graph.facebook.com/{version}/{phone-number-id}/messages.

Messages a business starts must be pre-approved templates: {"messaging_product": "whatsapp",
"to", "type": "template", "template": {"name", "language": {"code"}, "components": [{"type":
"body", "parameters": [{"type": "text", "text"}]}]}}, Bearer token. Success answers
{"messaging_product", "contacts": [{"input", "wa_id"}], "messages": [{"id": "wamid..."}]};
errors answer {"error": {"message", "type", "code", "error_data", "fbtrace_id"}}.
"""

from ...config import Settings
from ..catalog import get_message_type
from ..config import notification_settings
from ..models import OutboxMessage
from .base import PermanentSendError, SendResult, TransientSendError, json_body, post

PROVIDER = "whatsapp"
GRAPH_URL = "https://graph.facebook.com"
# Throttling and temporary platform errors (Meta's error code reference).
TRANSIENT_CODES = {1, 2, 4, 80007, 130429, 131000, 131048, 131056, 133004}
# WhatsApp rejects empty template parameters: an unknown fact is shown as a dash.
MISSING_FACT = "-"


def template_payload(message: OutboxMessage, template_name: str, parameters: list[str]) -> dict:
    """The template message for the customer's number, in the message's language."""
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": message.recipient.lstrip("+"),
        "type": "template",
        "template": {
            "name": template_name,
            "language": {"code": message.language},
            "components": [
                {
                    "type": "body",
                    "parameters": [
                        {"type": "text", "text": str(message.facts.get(name) or MISSING_FACT)}
                        for name in parameters
                    ],
                }
            ],
        },
    }


def send_whatsapp(message: OutboxMessage, settings: Settings) -> SendResult:
    """Send the message type's approved template; the wamid is the provider message ID."""
    notifications = settings.typed(notification_settings)
    account = notifications.whatsapp
    message_type = get_message_type(message.message_type)
    template_name = notifications.whatsapp_template_of(message_type)
    url = f"{GRAPH_URL}/{account.api_version}/{account.phone_number_id}/messages"
    response = post(
        url,
        json=template_payload(message, template_name, list(message_type.whatsapp_parameters)),
        headers={"Authorization": f"Bearer {account.access_token}"},
    )
    body = json_body(response)
    if response.status_code == 200 and body.get("messages"):
        return SendResult(provider=PROVIDER, provider_message_id=body["messages"][0]["id"])
    error = body.get("error", {})
    text = f"WhatsApp error {error.get('code')}: {error.get('message')}"
    if error.get("code") in TRANSIENT_CODES:
        raise TransientSendError(text)
    raise PermanentSendError(text)
