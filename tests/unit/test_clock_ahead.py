"""The any-date pass of the test command lands on a leap day a year or more ahead."""

import importlib.util
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "clock_ahead.py"


def _target_after(now: datetime) -> datetime:
    spec = importlib.util.spec_from_file_location("clock_ahead", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.target_after(now)


def test_the_moved_clock_is_a_leap_day_at_least_a_year_ahead():
    # given any day of a few years, when the test command picks the moved clock
    for start in (datetime(2026, 11, 29, 8, tzinfo=UTC), datetime(2027, 3, 1, tzinfo=UTC)):
        for day in range(0, 4 * 365, 29):
            now = start + timedelta(days=day)
            target = _target_after(now)

            # then it is 29 February, at least a year later (at most five: 2027-03-02 gives 2032)
            assert (target.month, target.day) == (2, 29)
            assert timedelta(days=365) <= target - now <= timedelta(days=5 * 366)


def test_the_moved_clock_is_already_the_next_day_in_istanbul():
    # given the moved clock, when read in the shop's time zone
    target = _target_after(datetime(2026, 11, 29, tzinfo=UTC))

    # then 29 February UTC is 1 March in Istanbul: day boundaries differ between the two
    assert target.astimezone(ZoneInfo("Europe/Istanbul")).date().isoformat() == "2028-03-01"
