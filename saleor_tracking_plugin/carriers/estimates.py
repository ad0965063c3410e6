"""Estimated delivery from a transit-time table, in Turkish business days: pure rules.

Used only when the carrier gives no date of its own. The table is the merchant's (one
`carrier=days` per line), on top of defaults for Turkish domestic parcels. Business days skip
Saturdays, Sundays and Turkish public holidays, including the multi-day religious holidays
whose dates move every year (taken from the maintained `holidays` package).
"""

from datetime import date

from ..business_days import add_business_days, turkish_holidays

# Typical domestic transit in business days, as the carriers advertise them for parcels
# between Turkish cities (same-city deliveries are often faster; the estimate is a promise,
# so it takes the common inter-city case).
DEFAULT_TRANSIT_DAYS: dict[str, int] = {
    "yurtici": 2,
    "aras": 2,
    "mng": 2,
    "ptt": 3,
    "surat": 2,
    "hepsijet": 2,
    "trendyol_express": 2,
    "ups_tr": 2,
    "ups": 4,
    "dhl_express": 3,
    "fedex": 4,
    "usps": 5,
    "royal_mail": 5,
    "dpd": 4,
    "gls": 4,
}
FALLBACK_TRANSIT_DAYS = 3


def parse_transit_table(text: str) -> tuple[dict[str, int], list[str]]:
    """Read the merchant's `carrier=days` lines; return the table and each unusable line."""
    table: dict[str, int] = {}
    rejected: list[str] = []
    for raw in (text or "").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        code, separator, days = line.partition("=")
        days = days.strip()
        if (
            not separator
            or not code.strip()
            or not (days.isascii() and days.isdigit())
            or int(days) > 60
        ):
            rejected.append(raw)
            continue
        table[code.strip().lower()] = int(days)
    return table, rejected


def transit_days(carrier_code: str, overrides: dict[str, int]) -> int:
    """Business days the carrier needs: the merchant's figure, else the default."""
    if carrier_code in overrides:
        return overrides[carrier_code]
    return DEFAULT_TRANSIT_DAYS.get(carrier_code, FALLBACK_TRANSIT_DAYS)


def estimate_delivery(shipped_on: date, carrier_code: str, overrides: dict[str, int]) -> date:
    """The expected delivery date of a parcel handed to the carrier on `shipped_on`.

    The day of handover does not count; a zero-day carrier delivers on the handover day.
    """
    days = transit_days(carrier_code, overrides)
    if days <= 0:
        return shipped_on
    # Every year the transit may reach: one that starts in late December ends in January.
    holidays_ = turkish_holidays(*range(shipped_on.year, shipped_on.year + 2 + days // 250))
    return add_business_days(shipped_on, days, holidays_)
