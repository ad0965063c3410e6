"""Region names match however they were typed."""

from saleor_tracking_plugin.delays.selection import BroadcastFilter, region_key


def test_turkish_spellings_of_one_place_match():
    assert region_key("KADIKÖY") == region_key("Kadıköy") == region_key("kadikoy ")
    assert region_key("İstanbul") == region_key("ISTANBUL") == region_key("istanbul")
    assert region_key("Şişli") == region_key("SISLI")


def test_different_places_do_not_match():
    assert region_key("Kadıköy") != region_key("Kartal")


def test_a_filter_without_criteria_is_empty():
    assert BroadcastFilter().is_empty()
    assert not BroadcastFilter(city="Kadıköy").is_empty()
