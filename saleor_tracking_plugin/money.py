"""Money as shoppers read it: Babel's formatting in their language, with the currency's own
decimals (pure: no Django). "199.900 TRY" is ₺199,90 in Turkish and TRY 199.90 in English,
never "199,900 TRY", which a Turkish reader takes for a hundred thousand."""

from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency

# The locale whose conventions each supported language uses.
LOCALES = {"tr": "tr_TR", "en": "en_US"}
# Staff texts (the order timeline in Saleor's dashboard) are English.
STAFF_LANGUAGE = "en"


@dataclass(frozen=True)
class Money:
    """An amount in a currency, formatted only when shown to someone."""

    amount: Decimal
    currency: str

    def format(self, language: str) -> str:
        """The amount as a shopper of this language reads it."""
        return format_money(self.amount, self.currency, language)


def format_money(amount: Decimal | float | int | str, currency: str, language: str) -> str:
    """`amount` in `currency`, written the way `language` writes money."""
    locale = LOCALES.get((language or "en")[:2].lower(), "en_US")
    return format_currency(Decimal(str(amount)), currency, locale=locale)
