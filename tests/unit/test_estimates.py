"""Estimated delivery from the transit table, in Turkish business days."""

from datetime import date

from saleor_tracking_plugin.business_days import (
    add_business_days,
    is_business_day,
    turkish_holidays,
)
from saleor_tracking_plugin.carriers.estimates import (
    estimate_delivery,
    parse_transit_table,
    transit_days,
)

HOLIDAYS_2026 = turkish_holidays(2026)


def test_weekends_are_skipped():
    friday = date(2026, 11, 20)

    assert add_business_days(friday, 1, HOLIDAYS_2026) == date(2026, 11, 23)


def test_turkish_public_holidays_are_skipped():
    # Kurban Bayramı 2026 runs from Wednesday 27 May to Saturday 30 May.
    tuesday_before = date(2026, 5, 26)

    assert not is_business_day(date(2026, 5, 27), HOLIDAYS_2026)
    assert add_business_days(tuesday_before, 1, HOLIDAYS_2026) == date(2026, 6, 1)


def test_republic_day_is_not_a_business_day():
    assert not is_business_day(date(2026, 10, 29), HOLIDAYS_2026)


def test_turkish_carriers_default_to_two_business_days_and_ptt_to_three():
    monday = date(2026, 11, 23)

    assert estimate_delivery(monday, "yurtici", {}) == date(2026, 11, 25)
    assert estimate_delivery(monday, "ptt", {}) == date(2026, 11, 26)


def test_a_transit_across_new_year_skips_new_years_day():
    new_years_eve = date(2026, 12, 31)  # a Thursday; 1 January 2027 is a holiday (Friday)

    assert estimate_delivery(new_years_eve, "yurtici", {}) == date(2027, 1, 5)


def test_the_merchants_table_overrides_the_defaults():
    table, rejected = parse_transit_table("yurtici=1\n# comment\nsurat = 4\n")

    assert table == {"yurtici": 1, "surat": 4}
    assert rejected == []
    assert transit_days("yurtici", table) == 1


def test_unusable_lines_are_reported_not_guessed():
    table, rejected = parse_transit_table("aras=two\n=3\nmng=500\nptt=3")

    assert table == {"ptt": 3}
    assert rejected == ["aras=two", "=3", "mng=500"]
