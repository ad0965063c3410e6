"""Trendyol Express, Trendyol's delivery company."""

from saleor_tracking_plugin.carriers.base import Carrier

# No format: Trendyol Express numbers are plain digits shared in length with other
# Turkish carriers.
CARRIER = Carrier(
    code="trendyol_express",
    name="Trendyol Express",
    tracking_url_template="https://kargotakip.trendyol.com/?orderNumber={number}",
    country="TR",
    aliases=("tex", "trendyol kargo", "trendyol"),
)
