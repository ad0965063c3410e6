"""UPS."""

import re

from saleor_tracking_plugin.carriers.base import Carrier, TrackingNumberFormat
from saleor_tracking_plugin.carriers.formats import ups_check_digit_ok

# `1Z`, a 6-character shipper number, a 2-character service code, a 7-digit package
# number and UPS's mod-10 check digit: 18 characters in all.
UPS_1Z = TrackingNumberFormat(
    pattern=re.compile(r"1Z[0-9A-Z]{15}[0-9]"),
    check=ups_check_digit_ok,
)

CARRIER = Carrier(
    code="ups",
    name="UPS",
    tracking_url_template="https://www.ups.com/track?loc=en_US&tracknum={number}",
    aliases=("united parcel service",),
    formats=(UPS_1Z,),
)
