"""GLS."""

from saleor_tracking_plugin.carriers.base import Carrier

# No format: GLS parcel numbers are 11-12 plain digits with no distinctive prefix.
CARRIER = Carrier(
    code="gls",
    name="GLS",
    tracking_url_template="https://gls-group.com/GROUP/en/parcel-tracking?match={number}",
    aliases=("general logistics systems", "gls group"),
)
