"""When shipments are polled, backed off, and when a failing carrier is paused."""

from datetime import UTC, datetime, timedelta

from saleor_tracking_plugin.carriers import polling
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus as S

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
POLICY = polling.PollPolicy(
    max_age_days=30,
    backoff_base=timedelta(minutes=5),
    failure_threshold=3,
    cooldown=timedelta(minutes=30),
)


def test_a_parcel_out_for_delivery_is_asked_about_sooner_than_one_in_transit():
    out = polling.next_poll_after_success(S.OUT_FOR_DELIVERY, NOW, NOW)
    moving = polling.next_poll_after_success(S.IN_TRANSIT, NOW, NOW)

    assert out - NOW == timedelta(minutes=30)
    assert out < moving


def test_a_parcel_quiet_for_days_is_asked_about_less_often():
    recent = polling.next_poll_after_success(S.IN_TRANSIT, NOW - timedelta(hours=5), NOW)
    quiet = polling.next_poll_after_success(S.IN_TRANSIT, NOW - timedelta(days=4), NOW)

    assert quiet - NOW == polling.QUIET_INTERVAL
    assert recent < quiet


def test_finished_parcels_are_never_polled_again():
    for status in (S.DELIVERED, S.RETURNED, S.CANCELLED, S.EXPIRED):
        assert polling.next_poll_after_success(status, NOW, NOW) is None
        assert not polling.should_poll(status)


def test_tracking_gives_up_after_the_configured_age():
    assert polling.is_too_old(NOW - timedelta(days=31), NOW, POLICY)
    assert not polling.is_too_old(NOW - timedelta(days=29), NOW, POLICY)


def test_each_failure_doubles_the_wait_up_to_a_cap():
    waits = [polling.next_poll_after_failure(n, NOW, POLICY) - NOW for n in (1, 2, 3, 30)]

    assert waits[:3] == [timedelta(minutes=5), timedelta(minutes=10), timedelta(minutes=20)]
    assert waits[3] == polling.MAX_BACKOFF


def test_the_circuit_opens_at_the_threshold_and_not_before():
    state = polling.CircuitState()
    for _ in range(2):
        state = polling.circuit_after_failure(state, NOW, POLICY)
        assert polling.circuit_allows_call(state, NOW)

    state = polling.circuit_after_failure(state, NOW, POLICY)

    assert not polling.circuit_allows_call(state, NOW + timedelta(minutes=29))
    assert polling.circuit_allows_call(state, NOW + timedelta(minutes=30))


def test_a_failed_trial_call_after_the_cooldown_opens_the_circuit_again():
    opened = polling.CircuitState(consecutive_failures=3, open_until=NOW)
    later = NOW + timedelta(minutes=1)

    state = polling.circuit_after_failure(opened, later, POLICY)

    assert state.open_until == later + POLICY.cooldown


def test_an_answer_closes_the_circuit():
    assert polling.circuit_after_success() == polling.CircuitState()
