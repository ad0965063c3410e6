"""Who may receive what: customers' addresses normalised, and their channel choices."""

import phonenumbers
from django.db.models import Q

from .catalog import Category, Channel
from .models import ContactPreference

# Numbers written without a country code are Turkish by default (the shop's home market).
DEFAULT_PHONE_REGION = "TR"


def normalize_email(value: str) -> str:
    """The email as stored in preferences: trimmed and lower-case."""
    return (value or "").strip().lower()


def normalize_phone(value: str, region: str = DEFAULT_PHONE_REGION) -> str | None:
    """The number in E.164 (+905321234567), or None when it is not a valid number."""
    if not value:
        return None
    try:
        number = phonenumbers.parse(str(value), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_allowed(address: str, channel: Channel, category: Category) -> bool:
    """Transactional: unless the customer opted out. Marketing: only after an opt-in."""
    if channel == Channel.WEBHOOK:
        return True  # the merchant's own CRM, not a message to the customer
    choice = (
        ContactPreference.objects.filter(address=address, channel=channel, category=category)
        .values_list("subscribed", flat=True)
        .first()
    )
    if category == Category.MARKETING:
        return choice is True
    return choice is not False


def set_preference(
    address: str, channel: Channel, category: Category, subscribed: bool, source: str
) -> ContactPreference:
    """Record a customer's choice (idempotent: the latest choice wins)."""
    preference, _ = ContactPreference.objects.update_or_create(
        address=address,
        channel=channel,
        category=category,
        defaults={"subscribed": subscribed, "source": source},
    )
    return preference


def opted_out_addresses(addresses: list[str]) -> set[tuple[str, str, str]]:
    """(address, channel, category) of every opt-out among these addresses."""
    rows = ContactPreference.objects.filter(Q(address__in=addresses), subscribed=False)
    return set(rows.values_list("address", "channel", "category"))
