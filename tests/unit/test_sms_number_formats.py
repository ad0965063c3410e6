"""Each SMS provider gets the number in the format its own documentation gives (sources in
tests/unit/fixtures/sms_number_formats.json)."""

import json
import re
from pathlib import Path

import pytest

from saleor_tracking_plugin.notifications.channels.phone_formats import (
    UnsupportedNumber,
    turkish_mobile_digits,
    twilio_number,
)

CASES = json.loads((Path(__file__).parent / "fixtures" / "sms_number_formats.json").read_text())
NUMBERS = {name: case for name, case in CASES.items() if not name.startswith("_")}
# Netgsm's OpenAPI description of `messages[].no`.
NETGSM_NO_PATTERN = re.compile(r"^[0-9]{10}$")
ILETIMERKEZI_ACCEPTED = re.compile(r"^(\+?90)?5\d{9}$")

FORMATTERS = {
    "twilio": twilio_number,
    "netgsm": lambda number: turkish_mobile_digits(number, "Netgsm"),
    "iletimerkezi": lambda number: turkish_mobile_digits(number, "İleti Merkezi"),
}


@pytest.mark.parametrize("case", sorted(NUMBERS))
@pytest.mark.parametrize("provider", sorted(FORMATTERS))
def test_each_provider_gets_its_documented_format(case, provider):
    number = NUMBERS[case]
    expected = number[provider]
    if expected is None:
        with pytest.raises(UnsupportedNumber, match=r"Turkish mobile numbers"):
            FORMATTERS[provider](number["e164"])
    else:
        assert FORMATTERS[provider](number["e164"]) == expected


@pytest.mark.parametrize("case", sorted(NUMBERS))
def test_formatted_numbers_match_the_providers_own_patterns(case):
    number = NUMBERS[case]
    if number["netgsm"] is not None:
        assert NETGSM_NO_PATTERN.match(number["netgsm"])
    if number["iletimerkezi"] is not None:
        assert ILETIMERKEZI_ACCEPTED.match(number["iletimerkezi"])


def test_twilio_refuses_a_number_without_country_code():
    with pytest.raises(UnsupportedNumber, match="E.164"):
        twilio_number("05321234567")
