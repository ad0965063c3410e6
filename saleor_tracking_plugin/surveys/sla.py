"""Complaint response deadlines counted in business hours (pure: no Django).

Only the shop's business hours on business days count (weekdays that are not Turkish public
holidays, see business_days.py); a complaint opened on Friday evening with a four-hour promise
is due Monday morning.
"""

from collections.abc import Container
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..business_days import is_business_day


def add_business_hours(
    start: datetime,
    hours: float,
    zone: ZoneInfo,
    opens: time,
    closes: time,
    holidays: Container[date],
) -> datetime:
    """The instant `hours` business hours after `start` (aware), in UTC-comparable form."""
    if closes <= opens:
        raise ValueError("Business hours must end after they start.")
    remaining = timedelta(hours=max(0.0, hours))
    moment = start.astimezone(zone)
    while True:
        day = moment.date()
        day_open = datetime.combine(day, opens, tzinfo=zone)
        day_close = datetime.combine(day, closes, tzinfo=zone)
        if is_business_day(day, holidays) and moment < day_close:
            moment = max(moment, day_open)
            available = day_close - moment
            if remaining <= available:
                return moment + remaining
            remaining -= available
        moment = datetime.combine(day + timedelta(days=1), opens, tzinfo=zone)
