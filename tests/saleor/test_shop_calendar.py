"""Days are the shop's days: business days and shown dates follow `local_timezone`, not UTC.

Django's `TIME_ZONE` is UTC in Saleor; a parcel scanned at 01:30 in Istanbul on a Wednesday was
handed over on Wednesday, although it is still Tuesday in UTC.
"""

from datetime import UTC, datetime

from django.utils import timezone
from freezegun import freeze_time

from saleor_tracking_plugin.carriers.actions import apply_update
from saleor_tracking_plugin.carriers.connector import TrackingUpdate
from saleor_tracking_plugin.config import load_settings
from saleor_tracking_plugin.notifications.facts import format_fact
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from .carrier_helpers import poll_round, shipment_for
from .helpers import configure_plugin


def _created_at(shipment, moment: datetime) -> None:
    Shipment.objects.filter(pk=shipment.pk).update(created_at=moment)


@freeze_time("2026-11-25 09:00:00")
def test_a_parcel_created_at_half_past_one_in_istanbul_is_dated_that_wednesday(customer_order):
    # given a PTT parcel created Tuesday 24 November 22:30 UTC, Wednesday 01:30 in Istanbul
    shipment = shipment_for(customer_order, "ptt", "RR123456785TR")
    _created_at(shipment, datetime(2026, 11, 24, 22, 30, tzinfo=UTC))

    # when the polling round gives it the transit table's promise (PTT: 3 business days)
    poll_round()

    # then the days count from Wednesday: Thursday, Friday, Monday (not Friday from Tuesday)
    shipment.refresh_from_db()
    assert shipment.estimated_delivery.isoformat() == "2026-11-30"


@freeze_time("2026-11-25 09:00:00")
def test_the_shops_own_time_zone_decides_not_istanbul(customer_order):
    # given a shop in New York and a parcel created Wednesday 03:00 UTC, Tuesday 22:00 there
    configure_plugin(local_timezone="America/New_York")
    shipment = shipment_for(customer_order, "ptt", "RR123456785TR")
    _created_at(shipment, datetime(2026, 11, 25, 3, 0, tzinfo=UTC))

    poll_round()

    # then the three business days count from Tuesday: Wednesday, Thursday, Friday
    shipment.refresh_from_db()
    assert shipment.estimated_delivery.isoformat() == "2026-11-27"


@freeze_time("2026-10-28 12:00:00")
def test_a_first_scan_just_after_midnight_before_republic_day_counts_from_that_day(
    customer_order,
):
    # given a Sürat parcel whose first scan is Wednesday 28 October 00:30 in Istanbul
    # (Tuesday 21:30 UTC); Thursday 29 October is Republic Day, a public holiday
    shipment = shipment_for(customer_order, "surat", "SRT1042")
    configure_plugin(transit_days="surat=3")
    scan = TrackingEventData(
        occurred_at=datetime(2026, 10, 27, 21, 30, tzinfo=UTC),
        status=ShipmentStatus.IN_TRANSIT,
        description="Kargo kabul edildi",
    )

    # when the scan arrives
    apply_update(shipment, TrackingUpdate("SRT1042", events=(scan,)), "webhook:test")

    # then three business days from Wednesday skip the holiday and the weekend: Friday 30,
    # Monday 2, Tuesday 3 November (counting from Tuesday in UTC would give 2 November)
    shipment.refresh_from_db()
    assert shipment.estimated_delivery.isoformat() == "2026-11-03"


def test_a_delivery_time_is_shown_as_the_shops_day(customer_order):
    # given a parcel delivered Wednesday 25 November 01:30 in Istanbul (Tuesday in UTC)
    delivered_at = datetime(2026, 11, 24, 22, 30, tzinfo=UTC)

    # when a message states the delivery time in Turkish and in English
    turkish = format_fact(delivered_at, "tr")
    english = format_fact(delivered_at, "en")

    # then both say the 25th
    assert turkish == "25 Kasım 2026"
    assert english == "25 November 2026"
    assert load_settings().local_zone().key == "Europe/Istanbul"
    assert timezone.get_current_timezone_name() == "UTC"
