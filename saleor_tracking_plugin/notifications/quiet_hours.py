"""Quiet hours: phone messages wait until the shop's night is over (pure: no Django)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


def parse_clock(value: str) -> time | None:
    """ "21:30" as a time; None for an empty or malformed value."""
    try:
        hours, minutes = (int(part) for part in value.strip().split(":"))
        return time(hours, minutes)
    except (ValueError, AttributeError):
        return None


def quiet_hours_end(
    now: datetime, zone: ZoneInfo, start: time | None, end: time | None
) -> datetime | None:
    """When the quiet hours around `now` end (aware UTC datetime); None outside quiet hours.

    A window may span midnight (21:00-09:00). Equal or missing bounds mean no quiet hours.
    """
    if start is None or end is None or start == end:
        return None
    local = now.astimezone(zone)
    clock = local.time().replace(tzinfo=None)
    # A window that spans midnight (start after end) is inside before end or after start.
    inside = start <= clock < end if start < end else clock >= start or clock < end
    if not inside:
        return None
    end_day = local.date() if clock < end else local.date() + timedelta(days=1)
    local_end = datetime.combine(end_day, end, tzinfo=zone)
    return local_end.astimezone(now.tzinfo)
