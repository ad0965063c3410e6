"""HepsiJet, Hepsiburada's delivery company."""

from saleor_tracking_plugin.carriers.base import Carrier

# No format: HepsiJet numbers have no published structure or check digit.
CARRIER = Carrier(
    code="hepsijet",
    name="HepsiJet",
    tracking_url_template="https://www.hepsijet.com/gonderi-takibi/{number}",
    country="TR",
    aliases=("hepsi jet", "hepsijet kargo"),
)
