"""PTT Kargo, the Turkish postal operator's parcel service."""

from saleor_tracking_plugin.carriers.base import Carrier
from saleor_tracking_plugin.carriers.formats import s10_format

# Only PTT's international S10 numbers (`…TR`) are distinctive; its domestic
# barcodes are plain digits and are left to settings or metadata.
CARRIER = Carrier(
    code="ptt",
    name="PTT Kargo",
    tracking_url_template="https://gonderitakip.ptt.gov.tr/Track/Verify?q={number}",
    country="TR",
    aliases=("ptt kargo", "türkiye posta", "turkish post", "ptt posta"),
    formats=(s10_format("TR"),),
)
