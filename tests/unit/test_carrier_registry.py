"""Carrier registry: codes, aliases, tracking URLs and number detection.

Example numbers carry valid check digits (computed, or published ones that verify);
the comments say which rule makes them valid.
"""

from pathlib import Path
from urllib.parse import quote

import pytest

from saleor_tracking_plugin.carriers import registry
from saleor_tracking_plugin.carriers.base import Carrier, normalize_tracking_number
from saleor_tracking_plugin.carriers.formats import (
    gs1_check_digit,
    s10_check_digit,
    ups_check_digit,
)
from saleor_tracking_plugin.carriers.registry import (
    CARRIERS,
    alias_key,
    all_carriers,
    detect_carrier,
    get_carrier,
)
from saleor_tracking_plugin.carriers.ups import UPS_1Z

TURKISH_CODES = [
    "yurtici",
    "aras",
    "mng",
    "ptt",
    "surat",
    "hepsijet",
    "trendyol_express",
    "ups_tr",
]
GLOBAL_CODES = ["ups", "dhl_express", "fedex", "usps", "royal_mail", "dpd", "gls"]


# --- detection by format -----------------------------------------------------


@pytest.mark.parametrize(
    ("number", "code"),
    [
        # UPS 1Z: the last digit is UPS's mod-10 check of the 15 characters before it.
        # A 1Z number is `ups`, never `ups_tr`, which shares UPS's numbers.
        ("1Z5R89390357567127", "ups"),
        ("1Z879E930346834440", "ups"),
        ("1Z410E7W0392751591", "ups"),
        ("1ZXX3150YW44070023", "ups"),
        # UPS's developer-kit sample 1Z12345E0205271688 with the check digit its
        # body really has: 6, not 8.
        ("1Z12345E0205271686", "ups"),
        # UPU S10: serial 12345678 has check digit 5; the suffix names the post.
        ("RA123456785US", "usps"),
        ("EA123456785US", "usps"),
        ("RB123456785GB", "royal_mail"),
        ("RR123456785TR", "ptt"),
        ("CP123456785TR", "ptt"),
        ("RA123456710US", "usps"),  # mod-11 result 10 became check digit 0
        # USPS IMpb, 22 or 26 digits: the last one is the GS1 mod-10 check.
        ("9400111206206406260787", "usps"),
        ("9405803699300124287899", "usps"),
        ("9261292700768711948021", "usps"),
        ("9361289878700317633795", "usps"),
        ("9505511069605048600624", "usps"),
        ("9101123456789000000013", "usps"),
        ("92748931507708513018050063", "usps"),
        # FedEx Ground "96": its last 15 digits pass the GS1 mod-10 check.
        ("9611020987654312345672", "fedex"),
    ],
)
def test_number_with_valid_check_digit_is_detected_as_its_carrier(number, code):
    # given a number in a distinctive format, with a valid check digit
    # when detecting its carrier
    carrier = detect_carrier(number)
    # then the format names the carrier
    assert carrier is not None and carrier.code == code


@pytest.mark.parametrize(
    "number",
    [
        "1Z12345E0205271688",  # UPS's published sample: its body gives 6, not 8
        "1Z5R89390357567128",
        "RA123456786US",  # S10 check should be 5
        "9434611206206407667131",  # IMpb check should be 6
        "9611020987654312345673",  # FedEx "96" check should be 2
    ],
)
def test_number_with_wrong_check_digit_is_not_detected(number):
    # given a number in a carrier's format whose check digit is wrong
    # when detecting its carrier
    # then no carrier is named
    assert detect_carrier(number) is None


def test_number_is_normalized_before_detection():
    # given a UPS number typed in lower case with spaces and dashes
    # when detecting its carrier
    carrier = detect_carrier(" 1z 5r8 939-03 5756 7127 ")
    # then it is found as if typed as printed
    assert carrier is not None and carrier.code == "ups"


def test_s10_number_from_a_post_without_carrier_is_not_detected():
    # given a valid S10 number from Deutsche Post, which has no carrier here
    # when detecting its carrier
    # then no carrier is named
    assert detect_carrier("RA123456785DE") is None


# --- check digits -------------------------------------------------------------


def test_ups_check_digit_counts_letters_by_their_ascii_code():
    # given a body with a letter (R counts as 2 under UPS's mapping)
    # when computing its check digit
    # then it is the one UPS printed on the real label
    assert ups_check_digit("5R8939035756712") == 7


@pytest.mark.parametrize(
    ("serial", "check"),
    [
        ("12345678", 5),  # 11 - 204 % 11 = 5
        ("12345671", 0),  # sum % 11 = 1: 10 becomes 0
        ("12345674", 5),  # sum % 11 = 0: 11 becomes 5
    ],
)
def test_s10_check_digit_maps_ten_to_zero_and_eleven_to_five(serial, check):
    # given an 8-digit serial
    # when computing its S10 check digit
    # then the two-digit results are mapped as the UPU rule says
    assert s10_check_digit(serial) == check


def test_gs1_check_digit_weights_the_rightmost_digit_three():
    # given the body of a USPS IMpb number
    # when computing its GS1 check digit
    # then it is the digit printed on the label
    assert gs1_check_digit("940011120620640626078") == 7


# --- detection: ambiguous or unknown numbers --------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "986578788855",  # 12 digits: a valid FedEx Express check, or any carrier
        "041441760228964",  # 15 digits: a valid FedEx Ground check, or any carrier
        "3318810025",  # 10 digits: a valid DHL Express mod-7 check
        "3513773163316",  # 13 digits: an Aras tracking code
        "03071790000523483741",  # 20 digits: a valid legacy USPS check
        "09980000020033",  # 14 digits: a DPD parcel number
    ],
)
def test_plain_digit_numbers_are_not_detected(number):
    # given plain digits whose length several carriers use
    # when detecting their carrier
    # then no carrier is named rather than a guess
    assert detect_carrier(number) is None


@pytest.mark.parametrize("number", ["", "   ", "-", "NOT-A-NUMBER"])
def test_empty_or_unknown_input_is_not_detected(number):
    # given nothing usable
    # when detecting its carrier
    # then no carrier is named
    assert detect_carrier(number) is None


def test_number_matched_by_two_carriers_is_not_detected(monkeypatch):
    # given a second carrier that also claims UPS 1Z numbers
    copycat = Carrier(
        code="copycat",
        name="Copycat",
        tracking_url_template="https://example.com/{number}",
        formats=(UPS_1Z,),
    )
    monkeypatch.setitem(CARRIERS, "copycat", copycat)
    # when detecting the carrier of a valid 1Z number
    # then no carrier is named, since either could be right
    assert detect_carrier("1Z5R89390357567127") is None


# --- lookup by code, name or alias ------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("yurtici", "yurtici"),
        ("Yurtiçi Kargo", "yurtici"),
        ("YURTİÇİ KARGO", "yurtici"),
        ("YURTICI", "yurtici"),
        ("yurtici-kargo", "yurtici"),
        ("yurtıcı_kargo", "yurtici"),
        ("YK", "yurtici"),
        ("Aras Kargo", "aras"),
        ("MNG", "mng"),
        ("DHL eCommerce", "mng"),
        ("PTT Kargo", "ptt"),
        ("SÜRAT KARGO", "surat"),
        ("Hepsi Jet", "hepsijet"),
        ("trendyol-express", "trendyol_express"),
        ("UPS Türkiye", "ups_tr"),
        ("ups turkiye", "ups_tr"),
        ("UPS", "ups"),
        ("dhl", "dhl_express"),
        ("DHL Express", "dhl_express"),
        ("Federal Express", "fedex"),
        ("United States Postal Service", "usps"),
        ("royal mail", "royal_mail"),
        ("dpd", "dpd"),
        ("GLS", "gls"),
    ],
)
def test_code_name_or_alias_resolves_to_its_carrier(text, code):
    # given a code, name or alias written any usual way
    # when looking the carrier up
    carrier = get_carrier(text)
    # then it is that carrier
    assert carrier is not None and carrier.code == code


@pytest.mark.parametrize("text", ["", "   ", "Kargo", "Pony Express"])
def test_unknown_name_resolves_to_nothing(text):
    # given a name no carrier has
    # when looking the carrier up
    # then nothing is found
    assert get_carrier(text) is None


def test_alias_key_ignores_case_turkish_letters_and_separators():
    # given the same name written three ways
    # when reducing each to the form names are compared in
    keys = {alias_key(t) for t in ("Yurtiçi Kargo", "YURTİÇİ_KARGO", "yurtıcı-kargo")}
    # then they are one
    assert keys == {"yurticikargo"}


def test_aliases_do_not_collide_between_carriers():
    # given every code, name and alias of every carrier
    owners: dict[str, set[str]] = {}
    for carrier in all_carriers():
        for text in (carrier.code, carrier.name, *carrier.aliases):
            owners.setdefault(alias_key(text), set()).add(carrier.code)
    # when grouping them by the form they are compared in
    shared = {key: codes for key, codes in owners.items() if len(codes) > 1}
    # then none names two carriers
    assert shared == {}


# --- the registry itself ----------------------------------------------------


def test_carriers_are_listed_turkish_first_then_global():
    # given the registry
    # when listing all carriers
    codes = [carrier.code for carrier in all_carriers()]
    # then they come in the documented, stable order
    assert codes == TURKISH_CODES + GLOBAL_CODES


def test_codes_are_unique_and_key_the_registry():
    # given all carriers
    carriers = all_carriers()
    # when collecting their codes
    codes = [carrier.code for carrier in carriers]
    # then no code repeats, and each keys its own carrier
    assert len(codes) == len(set(codes))
    assert all(CARRIERS[carrier.code] is carrier for carrier in carriers)


def test_every_carrier_folder_is_registered():
    # given the carrier folders next to the registry
    package = Path(registry.__file__).parent
    folders = {p.parent.name for p in package.glob("*/__init__.py")}
    # when comparing them with the registered codes
    # then a new folder cannot be forgotten in the registry
    assert folders == set(CARRIERS)


@pytest.mark.parametrize("code", TURKISH_CODES + GLOBAL_CODES)
def test_tracking_url_contains_the_url_quoted_normalized_number(code):
    # given a carrier and a number with spaces, a dash and URL-special characters
    number = " ab 12-34/5&ç "
    # when building its tracking link
    url = CARRIERS[code].tracking_url(number)
    # then the link is HTTPS and carries the normalized number, URL-quoted
    assert url.startswith("https://")
    assert quote(normalize_tracking_number(number), safe="") in url
    assert "AB1234%2F5%26%C3%87" in url
