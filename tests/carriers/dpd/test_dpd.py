"""DPD through karrio's `karrio.dpd` against ParcelLifeCycleService's documented answer."""

from ..harness import statuses, track

NUMBER = "05308801410058"
CREDENTIALS = {"dpd_delis_id": "KD1042", "dpd_password": "s3cret"}


def test_a_parcel_out_for_delivery_reports_its_history():
    update = track("dpd", NUMBER, "out_for_delivery", **CREDENTIALS)

    assert statuses(update) == ["info_received", "in_transit", "out_for_delivery"]
    assert update.events[0].location == "Antwerpen (BE)"


def test_twelve_hour_depot_times_are_read_as_written_in_central_european_time():
    update = track("dpd", NUMBER, "out_for_delivery", **CREDENTIALS)

    times = sorted(e.occurred_at.isoformat() for e in update.events)
    # 10:41:25 PM in Puurs is 22:41:25 (karrio alone reads 10:41:25 and calls it UTC)
    assert times == [
        "2026-11-20T16:05:00+01:00",
        "2026-11-20T22:41:25+01:00",
        "2026-11-23T07:12:00+01:00",
    ]
