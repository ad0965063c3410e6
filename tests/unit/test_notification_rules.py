"""Pure rules of notifications: text filling, quiet hours, retry back-off."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from saleor_tracking_plugin.notifications.quiet_hours import parse_clock, quiet_hours_end
from saleor_tracking_plugin.notifications.rendering import fill, first_filled, split_override
from saleor_tracking_plugin.notifications.retry_policy import backoff_seconds, should_retry

ISTANBUL = ZoneInfo("Europe/Istanbul")  # UTC+3 all year


def test_the_first_text_whose_facts_are_all_known_is_used():
    texts = ["Delivery {estimated_date} by {carrier}.", "Shipped by {carrier}.", "Shipped."]

    assert first_filled(texts, {"carrier": "Aras Kargo"}) == "Shipped by Aras Kargo."
    assert first_filled(texts, {"carrier": " ", "estimated_date": None}) == "Shipped."


def test_a_malformed_text_is_not_used():
    assert fill("Hello {name", {"name": "Ahmet"}) is None
    assert fill("Hello {0}", {}) is None


def test_an_override_may_start_with_a_subject_line_in_either_language():
    assert split_override("Konu: Kargonuz yolda\nMerhaba") == ("Kargonuz yolda", "Merhaba")
    assert split_override("Subject: On its way\r\nHello") == ("On its way", "Hello")
    assert split_override("Just a body") == ("", "Just a body")


def test_quiet_hours_spanning_midnight_end_next_morning_shop_time():
    # 23:30 in Istanbul is 20:30 UTC; quiet hours 21:00-09:00 end at 09:00 Istanbul = 06:00 UTC
    now = datetime(2026, 11, 23, 20, 30, tzinfo=UTC)

    end = quiet_hours_end(now, ISTANBUL, time(21, 0), time(9, 0))

    assert end == datetime(2026, 11, 24, 6, 0, tzinfo=UTC)


def test_early_morning_is_quiet_until_the_same_mornings_end():
    now = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # 06:00 Istanbul

    assert quiet_hours_end(now, ISTANBUL, time(21, 0), time(9, 0)) == datetime(
        2026, 11, 24, 6, 0, tzinfo=UTC
    )


def test_daytime_is_not_quiet_and_missing_bounds_mean_no_quiet_hours():
    noon = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 12:00 Istanbul

    assert quiet_hours_end(noon, ISTANBUL, time(21, 0), time(9, 0)) is None
    assert quiet_hours_end(noon, ISTANBUL, None, time(9, 0)) is None
    assert quiet_hours_end(noon, ISTANBUL, time(9, 0), time(9, 0)) is None
    assert parse_clock("25:99") is None
    assert parse_clock("21:30") == time(21, 30)


def test_retries_back_off_exponentially_up_to_an_hour_and_stop():
    assert [backoff_seconds(n, 60) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert backoff_seconds(20, 60) == 3600
    assert should_retry(1, transient=True)
    assert not should_retry(6, transient=True)
    assert not should_retry(1, transient=False)
