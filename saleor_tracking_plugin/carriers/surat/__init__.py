"""Sürat Kargo."""

from saleor_tracking_plugin.carriers.base import Carrier

# No format: Sürat numbers are plain digits shared in length with other carriers.
CARRIER = Carrier(
    code="surat",
    name="Sürat Kargo",
    tracking_url_template=("https://www.suratkargo.com.tr/KargoTakip/?kargotakipno={number}"),
    country="TR",
    aliases=("sürat", "surat kargo"),
)
