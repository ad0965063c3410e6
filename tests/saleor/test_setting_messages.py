"""Every setting's refusal names the setting (its label, as the dashboard shows it) and says how
to fix it: one unusable value per field, checked with the validation Saleor runs on save
(`validate_plugin_configuration` → `configuration_problems`). A field without a case here fails
`test_every_field_has_a_refusal_case`."""

import pytest

from saleor_tracking_plugin.config import SECRET, all_fields, configuration_problems
from saleor_tracking_plugin.surveys.config import FIELDS as SURVEY_FIELDS

FIELDS = {field.name: field for field in all_fields()}
URL_FIX = "enter a full URL starting with https://"
CREDENTIAL_FIX = "paste it without spaces or line breaks"

# field: (unusable value, the fix the message must say)
CASES = {
    "local_timezone": ("Istanbul", "IANA time zone with its region, e.g. Europe/Istanbul"),
    "default_carrier": ("kargo-x", "'kargo-x' is not a known carrier; use one of yurtici"),
    "return_carrier": ("kargo-x", "'kargo-x' is not a known carrier; use one of yurtici"),
    "return_reasons": ("size, late", "late is not one of size, damaged"),
    "return_merchant_pays_shipping_for": ("broken", "broken is not one of size"),
    "shop_logo_url": ("logo.png", URL_FIX),
    "sms_provider": ("vodafone", "enter one of twilio, netgsm, iletimerkezi"),
    "shop_identity_by_channel": ("main.colour=red", "'colour' is not one of name, email"),
    "carrier_metadata_key": ("my carrier", "enter a single word"),
    "trusted_proxies": ("10.0.0.0/33", "enter addresses or CIDR ranges such as 10.0.0.0/8"),
    "carrier_rate_limits": ("ups", "line 1 ('ups') needs the form carrier=calls per minute"),
    "transit_days": ("yurtcii=2", "line 1: 'yurtcii' is not a known carrier code"),
    "dpd_country": ("DE", "enter one of be, nl"),
    "return_non_returnable_products": ("mug; cup", "'mug; cup' is not a slug or ID"),
    "return_non_returnable_product_types": ("a b", "'a b' is not a slug or ID"),
    "return_auto_approve_max_amount": ("1.500,50", "enter an amount such as 1500 or 1500.50"),
    "return_resolutions": ("exchange", "exchange is not one of refund, store_credit"),
    "return_carrier_codes": ("yurtici", "line 1 ('yurtici') needs the form carrier=code"),
    "quiet_hours_start": ("9pm", "HH:MM (24-hour), e.g. 21:00, or leave it empty"),
    "quiet_hours_end": ("25:00", "HH:MM (24-hour)"),
    "twilio_account_sid": ("SID123", "AC and 32 hex characters"),
    "twilio_from": ("05321234567", "number with country code such as +905321234567"),
    "netgsm_usercode": ("user", "enter the user code as digits"),
    "netgsm_header": ("MAGAZAM VE KARGOM", "approved sender name, at most 11 characters"),
    "iletimerkezi_sender": ("MAGAZAM VE KARGOM", "approved sender name, at most 11 characters"),
    "whatsapp_phone_number_id": ("+90532", "numeric phone number ID from WhatsApp Manager"),
    "whatsapp_api_version": ("21", "Graph API version such as v21.0"),
    "business_hours_start": ("9", "HH:MM (24-hour), e.g. 09:00"),
    "business_hours_end": ("6pm", "HH:MM (24-hour), e.g. 09:00"),
    "complaint_staff_email": ("support", "email address such as support@example.com"),
    "coupon_discount_type": ("half", "enter one of percentage, fixed"),
    "coupon_value": ("10%", "percent or amount off, e.g. 10 or 50.00"),
    "coupon_min_spend": ("1.500,00", "amount such as 1500 or 1500.50"),
    "coupon_channel": ("my channel", "the channel's slug, e.g. default-channel"),
}


def _family_case(name: str) -> tuple[str, str] | None:
    """The case of a field of a family: per-carrier credentials and URLs, per-message settings."""
    field = FIELDS[name]
    if name.endswith("_api_url") or name == "crm_webhook_url":
        return ("ftp://example.com", URL_FIX)
    if name.endswith("_channels"):
        return ("email, fax", "fax is not one of email, sms, whatsapp, webhook")
    if name.endswith("_whatsapp_template"):
        return ("Shipped Template", "template name: lower-case letters, digits and _")
    if "_text_" in name:
        return ("Merhaba {musteri}", "{musteri} is not a fact of this message; use {")
    if field.check is not None and field.check.__qualname__ == "credential":
        return ("my account", CREDENTIAL_FIX)
    if isinstance(field.default, bool):
        return ("maybe", "choose on or off (true or false)")
    if isinstance(field.default, int):
        return ("12x", "enter a whole number from")
    return None


def _case(name: str) -> tuple[str, str] | None:
    return CASES.get(name) or _family_case(name)


def _accepts_anything(name: str) -> bool:
    # Secrets, addresses: any text is usable.
    return FIELDS[name].type == SECRET or FIELDS[name].check.__qualname__ == "free_text"


def test_every_field_has_a_refusal_case():
    missing = [name for name in FIELDS if not _accepts_anything(name) and not _case(name)]

    assert missing == []


@pytest.mark.parametrize("name", [n for n in FIELDS if not _accepts_anything(n)])
def test_a_refused_value_names_the_field_and_the_fix(name):
    value, fix = _case(name)

    problems = configuration_problems([{"name": name, "value": value}])

    assert list(problems) == [name]
    assert problems[name].startswith(f"{FIELDS[name].label}: ")
    assert fix in problems[name]


@pytest.mark.parametrize("name", [field.name for field in SURVEY_FIELDS])
def test_survey_settings_name_their_group(name):
    # The survey fields' labels say where they belong on the long settings screen.
    assert FIELDS[name].label.startswith(("Surveys · ", "Essentials · "))


@pytest.mark.parametrize(
    ("values", "field", "fix"),
    [
        (
            {"business_hours_start": "18:00", "business_hours_end": "09:00"},
            "business_hours_end",
            "must be later than the business hours start (18:00), e.g. 18:00",
        ),
        (
            {"coupon_enabled": "true", "coupon_min_score": "2", "complaint_max_score": "2"},
            "coupon_min_score",
            "must be above the complaint score (2): a rating cannot both open a complaint",
        ),
        (
            {"coupon_enabled": "true", "coupon_value": "0"},
            "coupon_value",
            "enter more than 0, e.g. 10",
        ),
        (
            {"coupon_discount_type": "percentage", "coupon_value": "150"},
            "coupon_value",
            "a percentage coupon takes at most 100",
        ),
    ],
)
def test_survey_values_that_contradict_each_other_are_refused(values, field, fix):
    problems = configuration_problems([{"name": n, "value": v} for n, v in values.items()])

    assert list(problems) == [field]
    assert problems[field].startswith(f"{FIELDS[field].label}: ")
    assert fix in problems[field]


def test_a_fixed_coupon_may_exceed_100(db):
    values = {"coupon_discount_type": "fixed", "coupon_value": "150"}

    assert configuration_problems([{"name": n, "value": v} for n, v in values.items()]) == {}


@pytest.mark.parametrize(
    ("lines", "fix"),
    [
        ("main.name", "line 1 ('main.name') needs the form demo-tr.name=Örnek Mağaza"),
        ("Main Shop.name=X", "line 1: 'main shop' is not a channel slug"),
        ("main.email=destek", "line 1: 'destek' is not an email address"),
        ("main.phone=5551234", "'5551234' is not a phone number with its country code"),
        ("main.logo=logo.png", "the logo must be a full URL starting with https://"),
        ("# main shop\nmain.name=", "line 2: give a value after ="),
    ],
)
def test_each_wrong_shop_identity_line_is_named(lines, fix):
    problems = configuration_problems([{"name": "shop_identity_by_channel", "value": lines}])

    assert fix in problems["shop_identity_by_channel"]
