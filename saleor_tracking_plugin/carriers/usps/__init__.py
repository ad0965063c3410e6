"""USPS, the United States Postal Service."""

import re

from saleor_tracking_plugin.carriers.base import Carrier, TrackingNumberFormat
from saleor_tracking_plugin.carriers.formats import gs1_check_digit_ok, s10_format

# Domestic IMpb numbers: an application identifier (`92`, `93`, `94`, `95`; `91` on
# older labels), service code, mailer ID and serial, then a GS1 mod-10 check digit;
# 22 digits, or 26 with a long serial. The bare 20-digit legacy numbers are left
# out: plain digits with a check one random number in ten passes.
USPS_IMPB = TrackingNumberFormat(
    pattern=re.compile(r"9[1-5][0-9]{20}|9[2-5][0-9]{24}"),
    check=gs1_check_digit_ok,
)

CARRIER = Carrier(
    code="usps",
    name="USPS",
    tracking_url_template="https://tools.usps.com/go/TrackConfirmAction?tLabels={number}",
    country="US",
    aliases=("united states postal service", "us postal service", "us mail"),
    formats=(USPS_IMPB, s10_format("US")),
)
