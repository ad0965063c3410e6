"""Business days in Turkey: weekends and public holidays do not count."""

from datetime import date

from saleor_tracking_plugin.business_days import (
    add_business_days,
    business_days_between,
    is_business_day,
    turkish_holidays,
)

HOLIDAYS_2026 = turkish_holidays(2026)


def test_turkish_holidays_include_fixed_and_movable_days():
    assert date(2026, 4, 23) in HOLIDAYS_2026  # National Sovereignty and Children's Day
    assert date(2026, 10, 29) in HOLIDAYS_2026  # Republic Day
    assert date(2026, 3, 20) in HOLIDAYS_2026  # Ramazan Bayramı, first day (movable)
    assert date(2026, 5, 27) in HOLIDAYS_2026  # Kurban Bayramı, first day (movable)


def test_weekends_and_holidays_are_not_business_days():
    assert is_business_day(date(2026, 11, 23), HOLIDAYS_2026)  # a Monday
    assert not is_business_day(date(2026, 11, 21), HOLIDAYS_2026)  # a Saturday
    assert not is_business_day(date(2026, 10, 29), HOLIDAYS_2026)  # Republic Day, Thursday


def test_adding_business_days_skips_the_weekend():
    friday = date(2026, 11, 20)

    assert add_business_days(friday, 1, HOLIDAYS_2026) == date(2026, 11, 23)
    assert add_business_days(friday, 2, HOLIDAYS_2026) == date(2026, 11, 24)


def test_adding_business_days_skips_a_public_holiday():
    # Wednesday before Republic Day (Thursday 29 October)
    assert add_business_days(date(2026, 10, 28), 1, HOLIDAYS_2026) == date(2026, 10, 30)


def test_adding_zero_days_moves_a_weekend_to_monday():
    assert add_business_days(date(2026, 11, 21), 0, HOLIDAYS_2026) == date(2026, 11, 23)
    assert add_business_days(date(2026, 11, 23), 0, HOLIDAYS_2026) == date(2026, 11, 23)


def test_counting_business_days_between_two_dates():
    friday, next_tuesday = date(2026, 11, 20), date(2026, 11, 24)

    assert business_days_between(friday, next_tuesday, HOLIDAYS_2026) == 2
    assert business_days_between(next_tuesday, friday, HOLIDAYS_2026) == 0
    assert business_days_between(friday, date(2026, 11, 22), HOLIDAYS_2026) == 0
