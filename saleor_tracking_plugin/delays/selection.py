"""Choosing who a crisis broadcast reaches: customers of parcels still on their way, picked by
carrier, region (the shipping address) and the day the parcel was shipped."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet

from ..pages.rendering import shop_timezone
from ..saleor_glue.order_joins import order_with_contacts, shipped_to_country
from ..tracking.models import Shipment, ShipmentKind
from ..tracking.statuses import FINISHED_STATUSES

# Addresses are typed with and without Turkish letters, and Saleor may upper-case them:
# "KADIKÖY", "Kadıköy" and "Kadikoy" are one place.
_TURKISH_FOLD = str.maketrans("İIıÇçĞğÖöŞşÜü", "iiiccggoossuu")


def region_key(name: str) -> str:
    """A city or province name folded for comparison (case, Turkish letters, spaces)."""
    return " ".join(name.translate(_TURKISH_FOLD).casefold().split())


@dataclass(frozen=True)
class BroadcastFilter:
    """Which parcels a crisis affects; empty criteria match everything."""

    carrier_codes: tuple[str, ...] = field(default_factory=tuple)
    country: str = ""
    country_area: str = ""
    city: str = ""
    shipped_from: date | None = None
    shipped_to: date | None = None

    def is_empty(self) -> bool:
        """True when no criterion is set: a broadcast to every customer is never meant."""
        return not (
            self.carrier_codes
            or self.country
            or self.country_area
            or self.city
            or self.shipped_from
            or self.shipped_to
        )


@dataclass(frozen=True)
class Recipient:
    """One customer a broadcast reaches, about their latest affected parcel."""

    email: str
    shipment: Shipment


def affected_shipments(criteria: BroadcastFilter) -> QuerySet[Shipment]:
    """Outbound parcels not yet at an end that match carrier, country and dates, newest first
    (city and area are matched by `recipients`, which folds Turkish spellings)."""
    shipments = (
        Shipment.objects.filter(kind=ShipmentKind.OUTBOUND)
        .exclude(status__in=FINISHED_STATUSES)
        .select_related(*order_with_contacts())
    )
    if criteria.carrier_codes:
        shipments = shipments.filter(carrier_code__in=criteria.carrier_codes)
    if criteria.country:
        shipments = shipments.filter(shipped_to_country(criteria.country))
    zone = shop_timezone()
    if criteria.shipped_from:
        start = datetime.combine(criteria.shipped_from, time.min, tzinfo=zone)
        shipments = shipments.filter(created_at__gte=start)
    if criteria.shipped_to:
        end = datetime.combine(criteria.shipped_to + timedelta(days=1), time.min, tzinfo=zone)
        shipments = shipments.filter(created_at__lt=end)
    return shipments.order_by("-created_at", "-pk")


def recipients(criteria: BroadcastFilter) -> list[Recipient]:
    """Each affected customer once (by email), with their latest affected parcel."""
    seen: dict[str, Recipient] = {}
    city, area = region_key(criteria.city), region_key(criteria.country_area)
    for shipment in affected_shipments(criteria):
        order = shipment.order
        address = order.shipping_address
        if (city or area) and address is None:
            continue
        if city and region_key(address.city) != city:
            continue
        if area and region_key(address.country_area) != area:
            continue
        email = (order.user_email or (order.user.email if order.user else "")).strip().lower()
        if email and email not in seen:
            seen[email] = Recipient(email=email, shipment=shipment)
    return list(seen.values())
