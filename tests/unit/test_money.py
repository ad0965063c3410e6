"""Money in the shopper's language, with the currency's own decimals (Babel)."""

from decimal import Decimal

import pytest

from saleor_tracking_plugin.money import Money, format_money


@pytest.mark.parametrize(
    ("amount", "currency", "language", "shown"),
    [
        (Decimal("199.900"), "TRY", "tr", "₺199,90"),
        (Decimal("199.900"), "TRY", "en", "TRY199.90"),
        (Decimal("1234.5"), "EUR", "tr", "€1.234,50"),
        (Decimal("1234.5"), "USD", "en", "$1,234.50"),
        (Decimal("1500"), "JPY", "en", "¥1,500"),
    ],
)
def test_amounts_read_as_the_shopper_writes_money(amount, currency, language, shown):
    assert format_money(amount, currency, language) == shown


def test_a_stored_refund_of_three_decimals_never_reads_as_thousands():
    # Saleor stores 3 decimals: 199.900 must not become "199,900 TRY" (a hundred thousand)
    assert "199,900" not in Money(Decimal("199.900"), "TRY").format("tr")
