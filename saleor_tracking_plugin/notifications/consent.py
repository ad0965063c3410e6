"""Who may receive what: customers' addresses normalised, and their channel choices."""

from typing import Any

import phonenumbers

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
    return (address, channel, category) in allowed([(address, channel, category)])


def allowed(
    wanted: list[tuple[str, Channel, Category]],
) -> set[tuple[str, Channel, Category]]:
    """Which of these (address, channel, category) may receive a message, in one query."""
    addresses = {address for address, channel, _ in wanted if channel != Channel.WEBHOOK}
    choices = preferences_of(sorted(addresses)) if addresses else {}
    return {
        (address, channel, category)
        for address, channel, category in wanted
        # the merchant's own CRM is not a message to the customer
        if channel == Channel.WEBHOOK
        or choices.get((address, channel, category), subscribed_by_default(category))
    }


def subscribed_by_default(category: Category) -> bool:
    """Order updates are on until the customer says no; marketing is off until they say yes."""
    return category == Category.TRANSACTIONAL


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


def customer_addresses(user: Any, channel: Channel) -> list[str]:
    """A logged-in customer's own addresses on a channel: their email, or the valid phone
    numbers in their address book."""
    if channel == Channel.EMAIL:
        email = normalize_email(user.email)
        return [email] if email else []
    if channel in (Channel.SMS, Channel.WHATSAPP):
        phones = {normalize_phone(str(address.phone)) for address in user.addresses.all()}
        return sorted(phone for phone in phones if phone)
    return []


def preferences_of(addresses: list[str]) -> dict[tuple[str, str, str], bool]:
    """Saved choices of these addresses, keyed by (address, channel, category)."""
    rows = ContactPreference.objects.filter(address__in=addresses)
    return {
        (row.address, row.channel, row.category): row.subscribed
        for row in rows.only("address", "channel", "category", "subscribed")
    }
