"""What the customer is told to do with the parcel, and the QR code of the return number."""

import xml.etree.ElementTree as ET

from django.utils import translation

from saleor_tracking_plugin.returns.instructions import instructions_for
from saleor_tracking_plugin.returns.policy import ReturnPolicy, ShippingPayer
from saleor_tracking_plugin.returns.qr import qr_data_url, qr_svg

POLICY = ReturnPolicy(
    return_carrier="Yurtiçi Kargo",
    carrier_return_codes={"yurtici": "304512", "aras": "ARS-77"},
    return_address="Depo, Tuzla / İstanbul",
)


def test_when_the_shop_pays_the_customer_gets_the_contracted_code_in_turkish():
    with translation.override("tr"):
        found = instructions_for(POLICY, ShippingPayer.MERCHANT, "R1042-1")
    assert (found.carrier_code, found.carrier_name, found.return_code) == (
        "yurtici",
        "Yurtiçi Kargo",
        "304512",
    )
    assert "Anlaşmalı iade kodu 304512" in found.text
    assert "R1042-1" in found.text
    assert found.address == "Depo, Tuzla / İstanbul"


def test_when_the_customer_pays_no_contracted_code_is_given():
    found = instructions_for(POLICY, ShippingPayer.CUSTOMER, "R1042-1")
    assert found.return_code == ""
    assert "at your own cost" in found.text


def test_without_a_code_for_the_carrier_the_shop_still_pays_against_a_receipt():
    policy = ReturnPolicy(return_carrier="mng", carrier_return_codes={"yurtici": "304512"})
    found = instructions_for(policy, ShippingPayer.MERCHANT, "R7-2")
    assert found.return_code == ""
    assert "We pay the return shipping" in found.text


def test_the_qr_code_is_a_scalable_inline_svg_and_a_data_url():
    svg = ET.fromstring(qr_svg("R1042-1"))
    assert svg.tag.endswith("svg")
    assert svg.get("viewBox") and not svg.get("width")
    assert qr_data_url("R1042-1").startswith("data:image/svg+xml")
    assert qr_svg("R1042-1") != qr_svg("R1042-2")
