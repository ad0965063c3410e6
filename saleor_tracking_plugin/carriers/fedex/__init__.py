"""FedEx."""

import re

from saleor_tracking_plugin.carriers.base import Carrier, TrackingNumberFormat
from saleor_tracking_plugin.carriers.formats import gs1_check_digit_ok

# FedEx Ground's "96" barcode: `96`, 2 + 3 digits of routing and service codes,
# then the 15-digit Ground tracking number, whose last digit is a GS1 mod-10 check
# over the 14 before it. The `96` prefix and length keep it apart from USPS IMpb
# (`91`-`95`). The bare 12-digit Express and 15-digit Ground numbers are left out:
# they are plain digits with a check that one number in ten or eleven passes, so
# they would claim Turkish carriers' numbers of the same length.
FEDEX_GROUND_96 = TrackingNumberFormat(
    pattern=re.compile(r"96[0-9]{20}"),
    check=lambda number: gs1_check_digit_ok(number[-15:]),
)

CARRIER = Carrier(
    code="fedex",
    name="FedEx",
    tracking_url_template="https://www.fedex.com/fedextrack/?trknbr={number}",
    aliases=("federal express", "fedex express", "fedex ground"),
    formats=(FEDEX_GROUND_96,),
)
