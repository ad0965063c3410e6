"""Print how many seconds to move the clock so that the suite runs well after today.

The target is the first 29 February at least a year from now, at 22:30 UTC: a leap day that
is already 1 March in Istanbul, reached across a whole year of Turkish public holidays. A test
that builds dated data without freezing time, or compares fixed dates with the wall clock,
fails there. The test command runs the suite a second time with every process's clock moved
by this many seconds (libfaketime), so the suite stays green on any date.
"""

from datetime import UTC, datetime, timedelta


def target_after(now: datetime) -> datetime:
    """The first 29 February, 22:30 UTC, at least 365 days after `now`."""
    earliest = now + timedelta(days=365)
    year = earliest.year
    while True:
        try:
            candidate = datetime(year, 2, 29, 22, 30, tzinfo=UTC)
        except ValueError:  # not a leap year
            year += 1
            continue
        if candidate >= earliest:
            return candidate
        year += 1


if __name__ == "__main__":
    now = datetime.now(UTC)
    print(int((target_after(now) - now).total_seconds()))
