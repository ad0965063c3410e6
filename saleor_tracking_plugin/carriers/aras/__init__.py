"""Aras Kargo."""

from saleor_tracking_plugin.carriers.base import Carrier

# No format: Aras tracking codes are plain digits (13 on current labels), a length
# other Turkish carriers share, so they cannot name the carrier on their own.
CARRIER = Carrier(
    code="aras",
    name="Aras Kargo",
    tracking_url_template="https://kargotakip.araskargo.com.tr/mainpage.aspx?code={number}",
    country="TR",
    aliases=("aras kargo",),
)
