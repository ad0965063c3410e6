"""Royal Mail."""

from saleor_tracking_plugin.carriers.base import Carrier
from saleor_tracking_plugin.carriers.formats import s10_format

# Royal Mail's tracked numbers, domestic and international, are S10 with `GB`.
CARRIER = Carrier(
    code="royal_mail",
    name="Royal Mail",
    tracking_url_template=("https://www.royalmail.com/track-your-item#/tracking-results/{number}"),
    country="GB",
    aliases=("royalmail",),
    formats=(s10_format("GB"),),
)
