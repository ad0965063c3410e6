"""DHL Express."""

from saleor_tracking_plugin.carriers.base import Carrier

# No format: DHL Express waybills are 10 plain digits whose mod-7 check digit one
# random number in seven passes, too weak to tell them from other carriers' numbers.
CARRIER = Carrier(
    code="dhl_express",
    name="DHL Express",
    tracking_url_template=(
        "https://www.dhl.com/global-en/home/tracking/tracking-express.html"
        "?submit=1&tracking-id={number}"
    ),
    aliases=("dhl",),
)
