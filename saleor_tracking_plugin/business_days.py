"""Business days: weekdays that are not public holidays (pure, no Django).

Turkish public holidays come from the `holidays` package, which computes the movable religious
holidays (Ramazan and Kurban Bayramı) for every year. Half days (the eves, "arife") count as
business days: carriers and warehouses work in the morning.
"""

from collections.abc import Container
from datetime import date, timedelta
from functools import lru_cache

import holidays

SATURDAY = 5


@lru_cache(maxsize=8)
def _turkish_holidays(years: tuple[int, ...]) -> frozenset[date]:
    return frozenset(holidays.country_holidays("TR", years=years).keys())


def turkish_holidays(*years: int) -> frozenset[date]:
    """Full-day Turkish public holidays of the given years."""
    return _turkish_holidays(tuple(sorted(set(years))))


def is_business_day(day: date, holidays_: Container[date]) -> bool:
    """Monday to Friday, and not a public holiday."""
    return day.weekday() < SATURDAY and day not in holidays_


def add_business_days(start: date, days: int, holidays_: Container[date]) -> date:
    """The business day `days` business days after `start` (start itself is not counted).

    Zero days gives `start` if it is a business day, else the next business day.
    """
    day = start
    if days == 0:
        while not is_business_day(day, holidays_):
            day += timedelta(days=1)
        return day
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_business_day(day, holidays_):
            remaining -= 1
    return day


def business_days_between(start: date, end: date, holidays_: Container[date]) -> int:
    """Business days after `start` up to and including `end`; 0 when `end` is not later."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_business_day(day, holidays_):
            count += 1
    return count
