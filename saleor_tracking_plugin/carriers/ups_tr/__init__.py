"""UPS Türkiye: UPS shipments followed on UPS Türkiye's own tracking page."""

from saleor_tracking_plugin.carriers.base import Carrier

# No format on purpose: the numbers are UPS's own, and a `1Z` number must detect
# as `ups` alone. Merchants shipping with UPS Türkiye pick this carrier in settings
# to get the Turkish page, which also knows UPS Türkiye's domestic waybills.
CARRIER = Carrier(
    code="ups_tr",
    name="UPS Türkiye",
    tracking_url_template="https://www.ups.com.tr/WaybillSorgu.aspx?Waybill={number}",
    country="TR",
    aliases=("ups türkiye", "ups turkey", "ups tr", "ups kargo"),
)
