"""The hosted tracking page: order status, shipment timelines, estimate and carrier links."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from saleor.order.models import Order

from ..carriers.registry import get_carrier
from ..tracking.metadata import tracking_url
from ..tracking.models import Shipment, ShipmentEvent, ShipmentKind
from ..tracking.statuses import ShipmentStatus, least_advanced
from .delay_choice import delay_view
from .links import order_id_from_token
from .rendering import page_language, render_page
from .status_labels import status_label, status_tone

TRACK_PURPOSE = "track"


def tracking_page(request: HttpRequest) -> HttpResponse:
    """GET /pages/track/?t=<signed token>[&lang=tr|en]; shows the delay choices when late."""
    token = request.GET.get("t", "")
    order_id = order_id_from_token(token, TRACK_PURPOSE)
    order = Order.objects.filter(pk=order_id).first() if order_id else None
    language = page_language(request, order)
    if order is None:
        return render_page(
            request, "saleor_tracking_plugin/pages/link_invalid.html", {}, language, status=404
        )
    shipments = list(
        Shipment.objects.filter(order=order, kind=ShipmentKind.OUTBOUND)
        .order_by("pk")
        .prefetch_related(
            Prefetch("events", queryset=ShipmentEvent.objects.order_by("-occurred_at", "-pk"))
        )
    )
    overall = least_advanced([ShipmentStatus(s.status) for s in shipments])
    context = {
        "order": order,
        "token": token,
        "overall_label": status_label(overall) if overall else None,
        "overall_tone": status_tone(overall) if overall else "",
        "shipments": [_shipment_view(shipment) for shipment in shipments],
        "delay": delay_view(order, request.GET.get("result", "")),
    }
    return render_page(request, "saleor_tracking_plugin/pages/track.html", context, language)


def _shipment_view(shipment: Shipment) -> dict:
    carrier = get_carrier(shipment.carrier_code) if shipment.carrier_code else None
    status = ShipmentStatus(shipment.status)
    return {
        "carrier_name": carrier.name if carrier else "",
        "tracking_number": shipment.tracking_number,
        "tracking_url": tracking_url(shipment),
        "status_label": status_label(status),
        "status_tone": status_tone(status),
        "status_detail": shipment.status_detail,
        "estimated_delivery": shipment.estimated_delivery,
        "delivered_at": shipment.delivered_at,
        "events": [
            {
                "occurred_at": event.occurred_at,
                "label": status_label(ShipmentStatus(event.status)),
                "description": event.description,
                "location": event.location,
            }
            for event in shipment.events.all()
            if event.tracking_number == shipment.tracking_number
        ],
    }
