"""What the plugin knows about a carrier, independent of how its status is fetched."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote


def normalize_tracking_number(value: str) -> str:
    """Return the tracking number as carriers print it: no spaces or dashes, upper case."""
    return re.sub(r"[\s\-]+", "", value or "").upper()


@dataclass(frozen=True)
class TrackingNumberFormat:
    """A tracking-number format distinctive enough to name the carrier on its own.

    `check` validates a check digit where the format has one, so that a number that
    merely has the right length is not taken for this carrier.
    """

    pattern: re.Pattern[str]
    check: Callable[[str], bool] | None = None

    def matches(self, number: str) -> bool:
        if not self.pattern.fullmatch(number):
            return False
        return self.check(number) if self.check else True


@dataclass(frozen=True)
class Carrier:
    """A carrier known by a stable code, with its public tracking page."""

    code: str
    name: str
    tracking_url_template: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    formats: tuple[TrackingNumberFormat, ...] = field(default=())

    def tracking_url(self, tracking_number: str) -> str:
        """Link to the carrier's own tracking page for this number."""
        number = quote(normalize_tracking_number(tracking_number), safe="")
        return self.tracking_url_template.format(number=number)

    def recognizes(self, tracking_number: str) -> bool:
        number = normalize_tracking_number(tracking_number)
        return any(fmt.matches(number) for fmt in self.formats)
