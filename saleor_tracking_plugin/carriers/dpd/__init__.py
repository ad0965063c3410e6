"""DPD."""

from saleor_tracking_plugin.carriers.base import Carrier

# No format: the 14-digit parcel number customers see is plain digits; its check
# character is only printed on the label barcode.
CARRIER = Carrier(
    code="dpd",
    name="DPD",
    tracking_url_template="https://tracking.dpd.de/status/en_US/parcel/{number}",
    aliases=("dpd group",),
)
