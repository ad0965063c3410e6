"""MNG Kargo, which now trades as DHL eCommerce Türkiye."""

from saleor_tracking_plugin.carriers.base import Carrier

# MNG's tracking page moved to DHL eCommerce's domain with the rebrand; this deep
# link opens the result for the number. No format: MNG numbers are plain digits.
CARRIER = Carrier(
    code="mng",
    name="MNG Kargo",
    tracking_url_template="https://kargotakip.dhlecommerce.com.tr/?takipNo={number}",
    country="TR",
    aliases=("mng kargo", "dhl ecommerce", "dhl ecommerce türkiye"),
)
