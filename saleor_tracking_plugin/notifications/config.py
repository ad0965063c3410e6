"""Notification settings: the channels' credentials, quiet hours, and per message type the
channels it goes out on and the merchant's own texts."""

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..config import (
    MULTILINE,
    SECRET,
    ConfigField,
    Settings,
    Validator,
    clock_or_empty,
    credential,
    integer,
    list_of,
    one_of,
    pattern,
    url,
)
from .catalog import Channel, MessageType, all_message_types
from .rendering import placeholders, split_override

# Facts the engine fills in for every message (see catalog.py).
ENGINE_FACTS = ("customer_name", "order_number", "items", "tracking_link")
# Operators approve alphanumeric sender names (başlık) of at most 11 characters.
SENDER_NAME = pattern(r"[^\n]{1,11}", "enter the approved sender name, at most 11 characters")
# Languages the merchant may write their own texts in, with their names.
TEXT_LANGUAGES = {"tr": "Turkish", "en": "English"}
CHANNEL_NAMES = (*(channel.value for channel in Channel), "none")

CHANNELS_HELP = (
    "Comma-separated channels for this message: email, sms, whatsapp, webhook; "
    "'none' sends nothing."
)
TEXT_HELP = (
    "Your own {language} text for this message; empty uses the built-in text. An optional "
    "first line 'Subject: ...' sets the email subject. Facts: {{customer_name}}, "
    "{{order_number}}, {{items}}, {{tracking_link}}, {{carrier}}, {{estimated_date}} and the "
    "message's own ones."
)

CHANNEL_FIELDS = [
    ConfigField(
        name="quiet_hours_start",
        default="21:00",
        label="SMS/WhatsApp quiet hours start",
        help_text=(
            "Shop time (HH:MM) from which SMS and WhatsApp messages wait until the end time. "
            "Empty: no quiet hours, phone messages go out at any time."
        ),
        validator=clock_or_empty,
        empty_is_off=True,
    ),
    ConfigField(
        name="quiet_hours_end",
        default="09:00",
        label="SMS/WhatsApp quiet hours end",
        help_text=(
            "Shop time (HH:MM) when waiting SMS and WhatsApp messages go out. Empty: no quiet "
            "hours."
        ),
        validator=clock_or_empty,
        empty_is_off=True,
    ),
    ConfigField(
        name="notification_retry_base_seconds",
        default=60,
        label="First retry delay (seconds)",
        help_text="A failing provider is retried after this delay, then twice as long each time.",
        validator=integer(1, 24 * 3600),
    ),
    ConfigField(
        name="sms_provider",
        default="",
        label="SMS provider",
        help_text="twilio, netgsm or iletimerkezi; empty disables SMS.",
        validator=one_of("twilio", "netgsm", "iletimerkezi", allow_empty=True),
    ),
    ConfigField(
        name="twilio_account_sid",
        default="",
        label="Twilio Account SID",
        help_text="AC followed by 32 characters, from the Twilio console.",
        validator=pattern(r"AC[0-9a-fA-F]{32}", "enter the Account SID: AC and 32 hex characters"),
    ),
    ConfigField(
        name="twilio_auth_token",
        default="",
        type=SECRET,
        label="Twilio auth token",
        help_text="From the Twilio console.",
    ),
    ConfigField(
        name="twilio_from",
        default="",
        label="Twilio sender",
        help_text="Sender phone number (+1...) or Messaging Service SID (MG...).",
        validator=pattern(
            r"\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32}",
            "enter a number with country code such as +905321234567, or an MG… service SID",
        ),
    ),
    ConfigField(
        name="twilio_api_url",
        default="https://api.twilio.com",
        label="Twilio API base URL",
        help_text="Change only for a Twilio edge location, e.g. https://api.dublin.ie1.twilio.com.",
        validator=url(),
    ),
    ConfigField(
        name="netgsm_usercode",
        default="",
        label="Netgsm user code",
        help_text="Your Netgsm subscriber number (usercode), digits only, e.g. 8501234567.",
        validator=pattern(r"\d{8,12}", "enter the user code as digits, e.g. 8501234567"),
    ),
    ConfigField(
        name="netgsm_password",
        default="",
        type=SECRET,
        label="Netgsm API password",
        help_text="The sub-user password with API access.",
    ),
    ConfigField(
        name="netgsm_header",
        default="",
        label="Netgsm sender header",
        help_text="Approved message header (başlık).",
        validator=SENDER_NAME,
    ),
    ConfigField(
        name="iletimerkezi_key",
        default="",
        label="İleti Merkezi API key",
        help_text="The public API key from İleti Merkezi's panel (Ayarlar → Güvenlik → API).",
        validator=credential,
    ),
    ConfigField(
        name="iletimerkezi_hash",
        default="",
        type=SECRET,
        label="İleti Merkezi API hash",
        help_text="The secret API hash shown next to that key. Kept secret.",
    ),
    ConfigField(
        name="iletimerkezi_sender",
        default="",
        label="İleti Merkezi sender",
        help_text="Approved sender name (başlık).",
        validator=SENDER_NAME,
    ),
    ConfigField(
        name="whatsapp_phone_number_id",
        default="",
        label="WhatsApp phone number ID",
        help_text="WhatsApp Business Cloud API phone number ID; empty disables WhatsApp.",
        validator=pattern(r"\d{5,20}", "enter the numeric phone number ID from WhatsApp Manager"),
    ),
    ConfigField(
        name="whatsapp_access_token",
        default="",
        type=SECRET,
        label="WhatsApp access token",
        help_text="System user access token with whatsapp_business_messaging.",
    ),
    ConfigField(
        name="whatsapp_api_version",
        default="v21.0",
        label="WhatsApp Graph API version",
        help_text="e.g. v21.0",
        validator=pattern(r"v\d+\.\d+", "enter a Graph API version such as v21.0"),
    ),
    ConfigField(
        name="crm_webhook_url",
        default="",
        label="CRM webhook URL",
        help_text="Receives every message as signed JSON; empty disables the webhook.",
        validator=url(),
    ),
    ConfigField(
        name="crm_webhook_secret",
        default="",
        type=SECRET,
        label="CRM webhook secret",
        help_text=(
            "Signs each delivery: the X-STP-Signature header is sha256= and the hex "
            "HMAC-SHA256 of '<X-STP-Timestamp>.<raw body>' under this secret."
        ),
    ),
]


def channels_field_name(code: str) -> str:
    """Setting naming the channels of a message type."""
    return f"notify_{code}_channels"


def text_field_name(code: str, language: str) -> str:
    """Setting holding the merchant's own text of a message type in one language."""
    return f"notify_{code}_text_{language}"


def whatsapp_template_field_name(code: str) -> str:
    """Setting naming the WhatsApp template of a message type."""
    return f"notify_{code}_whatsapp_template"


def message_text(message_type: MessageType) -> Validator:
    """A merchant's text may name only facts this message has, in well-formed braces."""

    def check(raw: Any) -> str | None:
        subject, body = split_override(str(raw or ""))
        known = set(ENGINE_FACTS).union(
            *(placeholders(str(text)) for text in (message_type.subject, *message_type.body))
        )
        try:
            used = placeholders(subject) | placeholders(body)
        except ValueError:
            return "a { or } is unmatched; write facts as {customer_name}"
        unknown = sorted(used - known)
        if unknown:
            facts = ", ".join("{" + name + "}" for name in sorted(known))
            return f"{{{unknown[0]}}} is not a fact of this message; use {facts}"
        return None

    return check


def _message_type_fields(message_type: MessageType) -> list[ConfigField]:
    return [
        ConfigField(
            name=channels_field_name(message_type.code),
            default=", ".join(channel.value for channel in message_type.default_channels),
            label=f"{message_type.label}: channels",
            help_text=CHANNELS_HELP,
            validator=list_of(*CHANNEL_NAMES),
        ),
        ConfigField(
            name=whatsapp_template_field_name(message_type.code),
            default=message_type.template_name,
            label=f"{message_type.label}: WhatsApp template",
            help_text=(
                "Approved template name, in Turkish and English; body parameters in order: "
                + ", ".join(message_type.whatsapp_parameters)
                + "."
            ),
            validator=pattern(
                r"[a-z0-9_]{1,512}", "enter the template name: lower-case letters, digits and _"
            ),
        ),
        *(
            ConfigField(
                name=text_field_name(message_type.code, language),
                default="",
                type=MULTILINE,
                label=f"{message_type.label}: {name} text",
                help_text=TEXT_HELP.format(language=name),
                validator=message_text(message_type),
            )
            for language, name in TEXT_LANGUAGES.items()
        ),
    ]


def fields() -> list[ConfigField]:
    """Every notification setting."""
    return [
        *CHANNEL_FIELDS,
        *(field for mt in all_message_types() for field in _message_type_fields(mt)),
    ]


# The same few texts (mostly the defaults) come back at every settings read: parse each once.
@lru_cache(maxsize=256)
def _chosen_channels(raw: str) -> tuple[Channel, ...]:
    chosen = {part.strip().lower() for part in raw.replace(";", ",").split(",")}
    return tuple(channel for channel in Channel if channel.value in chosen)


@dataclass(frozen=True)
class TwilioAccount:
    """Twilio's Account SID, auth token, sender (number or MG… service) and API address."""

    account_sid: str
    auth_token: str
    sender: str
    api_url: str


@dataclass(frozen=True)
class NetgsmAccount:
    """Netgsm's user code, API password and approved sender name (header)."""

    usercode: str
    password: str
    header: str


@dataclass(frozen=True)
class IletimerkeziAccount:
    """İleti Merkezi's API key and hash, and the approved sender name."""

    key: str
    hash: str
    sender: str


@dataclass(frozen=True)
class WhatsAppAccount:
    """The WhatsApp Business phone number id, its access token and the Graph API version."""

    phone_number_id: str
    access_token: str
    api_version: str


@dataclass(frozen=True)
class CrmWebhook:
    """Where the merchant's CRM receives messages, and the secret they are signed with."""

    url: str
    secret: str


@dataclass(frozen=True)
class NotificationSettings:
    """The notification settings, typed: quiet hours, retries, each provider's account, and
    per message type its channels, the merchant's own texts and its WhatsApp template."""

    # As the merchant typed them (HH:MM, or empty for no quiet hours).
    quiet_hours_start: str
    quiet_hours_end: str
    retry_base_seconds: int
    # twilio, netgsm, iletimerkezi, or empty (no SMS); lower case.
    sms_provider: str
    twilio: TwilioAccount
    netgsm: NetgsmAccount
    iletimerkezi: IletimerkeziAccount
    whatsapp: WhatsAppAccount
    crm_webhook: CrmWebhook
    # By message type code.
    channels: dict[str, tuple[Channel, ...]] = field(default_factory=dict)
    whatsapp_templates: dict[str, str] = field(default_factory=dict)
    # By message type code and language; only the texts the merchant wrote.
    texts: dict[tuple[str, str], str] = field(default_factory=dict)

    def channels_of(self, message_type: MessageType) -> tuple[Channel, ...]:
        """The channels the merchant chose for a message type, in a stable order."""
        return self.channels.get(message_type.code, ())

    def text_of(self, message_type: MessageType, language: str) -> str:
        """The merchant's own text of a message type in a language, or empty."""
        return self.texts.get((message_type.code, language), "")

    def whatsapp_template_of(self, message_type: MessageType) -> str:
        """The approved WhatsApp template the merchant named, else the built-in name."""
        return self.whatsapp_templates.get(message_type.code) or message_type.template_name


def notification_settings(settings: Settings) -> NotificationSettings:
    """The merchant's notification settings (use as `settings.typed(notification_settings)`)."""
    codes = [message_type.code for message_type in all_message_types()]
    texts = {
        (code, language): settings.text(text_field_name(code, language))
        for code in codes
        for language in TEXT_LANGUAGES
    }
    return NotificationSettings(
        quiet_hours_start=settings.text("quiet_hours_start").strip(),
        quiet_hours_end=settings.text("quiet_hours_end").strip(),
        retry_base_seconds=settings.number("notification_retry_base_seconds"),
        sms_provider=settings.text("sms_provider").strip().lower(),
        twilio=TwilioAccount(
            account_sid=settings.text("twilio_account_sid"),
            auth_token=settings.text("twilio_auth_token"),
            sender=settings.text("twilio_from").strip(),
            api_url=settings.text("twilio_api_url") or "https://api.twilio.com",
        ),
        netgsm=NetgsmAccount(
            usercode=settings.text("netgsm_usercode"),
            password=settings.text("netgsm_password"),
            header=settings.text("netgsm_header"),
        ),
        iletimerkezi=IletimerkeziAccount(
            key=settings.text("iletimerkezi_key"),
            hash=settings.text("iletimerkezi_hash"),
            sender=settings.text("iletimerkezi_sender"),
        ),
        whatsapp=WhatsAppAccount(
            phone_number_id=settings.text("whatsapp_phone_number_id"),
            access_token=settings.text("whatsapp_access_token"),
            api_version=settings.text("whatsapp_api_version") or "v21.0",
        ),
        crm_webhook=CrmWebhook(
            url=settings.text("crm_webhook_url"), secret=settings.text("crm_webhook_secret")
        ),
        channels={
            code: _chosen_channels(settings.text(channels_field_name(code))) for code in codes
        },
        whatsapp_templates={
            code: settings.text(whatsapp_template_field_name(code)).strip() for code in codes
        },
        texts={key: text for key, text in texts.items() if text.strip()},
    )
