"""Check-digit rules, and the UPU S10 format that several postal carriers share.

Carrier folders build their `TrackingNumberFormat`s from these, so a number is only
taken for a carrier when its check digit is right, not merely its length.
"""

import re

from .base import TrackingNumberFormat

# UPU S10: weights for the eight serial digits.
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def gs1_check_digit(digits: str) -> int:
    """GS1 mod-10 check digit of `digits`: weights 3, 1, 3, … from the rightmost digit.

    USPS IMpb numbers and FedEx Ground numbers both use it.
    """
    total = sum(
        int(digit) * (3 if position % 2 == 0 else 1)
        for position, digit in enumerate(reversed(digits))
    )
    return (10 - total % 10) % 10


def gs1_check_digit_ok(number: str) -> bool:
    """True when the last digit of `number` is the GS1 mod-10 check of the others."""
    return gs1_check_digit(number[:-1]) == int(number[-1])


def _ups_value(char: str) -> int:
    # UPS turns a letter into a digit through its ASCII code: A=2 … H=9, I=0, J=1 …
    return int(char) if char.isdigit() else (ord(char) - 63) % 10


def ups_check_digit(body: str) -> int:
    """UPS modified mod-10 check digit of the 15 characters between `1Z` and the check.

    Characters in odd positions (1st, 3rd, …) count once, those in even positions
    twice; the check digit tops the sum up to a multiple of ten.
    """
    total = sum(_ups_value(char) * (2 if index % 2 else 1) for index, char in enumerate(body))
    return (10 - total % 10) % 10


def ups_check_digit_ok(number: str) -> bool:
    """True when a `1Z` number's last digit is the UPS check of its 15-character body."""
    return ups_check_digit(number[2:-1]) == int(number[-1])


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit of an 8-digit serial number (mod 11, weights 8 6 4 2 3 5 9 7).

    S10 maps the two results that are not single digits: 10 becomes 0 and 11 becomes 5.
    """
    remainder = 11 - sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=False)) % 11
    return {10: 0, 11: 5}.get(remainder, remainder)


def s10_check_digit_ok(number: str) -> bool:
    """True when an S10 number (`RA123456785US`) carries the right check digit."""
    return s10_check_digit(number[2:10]) == int(number[10])


def s10_format(country_code: str) -> TrackingNumberFormat:
    """S10 items issued by the postal operator of `country_code` (its 2-letter suffix).

    The suffix names the issuing post, so the same S10 rule maps `…US` to USPS,
    `…GB` to Royal Mail and `…TR` to PTT without the formats overlapping.
    """
    if not re.fullmatch(r"[A-Z]{2}", country_code):
        raise ValueError(f"S10 country code must be two capital letters: {country_code!r}")
    pattern = re.compile(rf"[A-Z]{{2}}[0-9]{{9}}{country_code}")
    return TrackingNumberFormat(pattern=pattern, check=s10_check_digit_ok)
