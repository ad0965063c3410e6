"""The hosted tracking page: order status, shipment timelines, estimate and carrier links."""

from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from ..carriers.registry import get_carrier
from ..config import load_settings
from ..returns.eligibility import can_return_something
from ..returns.notices import order_return_page_url
from ..returns.policy import from_settings
from ..saleor_glue.fulfillments import parcel_items
from ..saleor_glue.order_lookups import order_by_id
from ..tracking.event_rows import attach_current_events, current_events
from ..tracking.metadata import tracking_url
from ..tracking.models import Shipment, ShipmentKind
from ..tracking.statuses import ShipmentStatus, least_advanced
from .delay_choice import delay_view
from .links import TRACK_PURPOSE, order_id_from_token
from .rendering import SUPPORTED_LANGUAGES, page_language, render_page
from .status_labels import status_label, status_tone

if TYPE_CHECKING:
    from saleor.order.models import Order


def tracking_page(request: HttpRequest) -> HttpResponse:
    """GET /pages/track/?t=<signed token>[&lang=tr|en]; shows the delay choices when late."""
    token = request.GET.get("t", "")
    order_id = order_id_from_token(token, TRACK_PURPOSE)
    order = order_by_id(order_id) if order_id else None
    language = page_language(request, order)
    if order is None:
        return render_page(
            request, "saleor_tracking_plugin/pages/link_invalid.html", {}, language, status=404
        )
    shipments = list(
        Shipment.objects.filter(order=order, kind=ShipmentKind.OUTBOUND).order_by("pk")
    )
    attach_current_events(shipments)
    items = parcel_items([s.fulfillment_id for s in shipments if s.fulfillment_id])
    overall = least_advanced([ShipmentStatus(s.status) for s in shipments])
    context = {
        "order": order,
        "token": token,
        "overall_label": status_label(overall) if overall else None,
        "overall_tone": status_tone(overall) if overall else "",
        "shipments": [
            _shipment_view(shipment, items.get(shipment.fulfillment_id or 0))
            for shipment in shipments
        ],
        "delay": delay_view(order, request.GET.get("result", "")),
        "return_url": _return_url(order),
    }
    return render_page(
        request, "saleor_tracking_plugin/pages/track.html", context, language, order=order
    )


def _return_url(order: "Order") -> str:
    """The order's return page while something can be returned; empty otherwise."""
    policy = load_settings().typed(from_settings)
    if not can_return_something(order, policy, timezone.now()):
        return ""
    return order_return_page_url(order)


def _event_detail(status: ShipmentStatus, description: str) -> str:
    """The carrier's own words, unless they only repeat our label in either language
    ("Dağıtıma çıktı · Dağıtıma çıktı")."""
    text = (description or "").strip()
    labels = set()
    for language in SUPPORTED_LANGUAGES:
        with translation.override(language):
            labels.add(str(status_label(status)).strip().casefold())
    return "" if text.rstrip(".").casefold() in labels else text


def _shipment_view(shipment: Shipment, items: list[dict] | None) -> dict:
    carrier = get_carrier(shipment.carrier_code) if shipment.carrier_code else None
    status = ShipmentStatus(shipment.status)
    return {
        "carrier_name": carrier.name if carrier else "",
        "tracking_number": shipment.tracking_number,
        "tracking_url": tracking_url(shipment),
        "status_label": status_label(status),
        "status_tone": status_tone(status),
        "status_detail": _event_detail(status, shipment.status_detail),
        "estimated_delivery": shipment.estimated_delivery,
        "delivered_at": shipment.delivered_at,
        "items": items or [],
        "events": [
            {
                "occurred_at": event.occurred_at,
                "label": status_label(ShipmentStatus(event.status)),
                "detail": _event_detail(ShipmentStatus(event.status), event.description),
                "location": event.location,
            }
            # Newest first on the page.
            for event in reversed(current_events(shipment))
        ],
    }
