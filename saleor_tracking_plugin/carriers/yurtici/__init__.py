"""Yurtiçi Kargo."""

from saleor_tracking_plugin.carriers.base import Carrier

# No format: Yurtiçi numbers are plain digits of lengths other Turkish carriers use
# too, so the carrier comes from settings or the fulfillment's metadata.
CARRIER = Carrier(
    code="yurtici",
    name="Yurtiçi Kargo",
    tracking_url_template=(
        "https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code={number}"
    ),
    country="TR",
    aliases=("yurtici kargo", "yurtiçi", "yk"),
)
