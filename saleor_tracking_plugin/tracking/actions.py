"""Every change to shipments goes through here: idempotent, one transaction each."""

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction

from ..carriers.base import Carrier, normalize_tracking_number
from ..carriers.registry import detect_carrier, get_carrier
from ..config import Settings, load_settings
from ..saleor_glue.fulfillments import FulfillmentStatus, fulfillment_with_order
from ..saleor_glue.order_joins import cancelled_in_saleor, fulfillment_status_path
from ..saleor_glue.orders import add_timeline_event
from .config import tracking_settings
from .metadata import mirror_order_tracking
from .models import EstimateSource, Shipment, ShipmentEvent
from .progress import Progress, ShipmentState, TrackingEventData, apply_events
from .signals import shipment_status_changed, shipment_tracking_started
from .statuses import ALLOWED_TRANSITIONS, ShipmentStatus, can_transition

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App

logger = logging.getLogger(__name__)


def resolve_carrier(
    tracking_number: str, metadata_value: Any, default_carrier: str
) -> Carrier | None:
    """The carrier of a parcel: named by staff in metadata, else detected, else the default."""
    if metadata_value:
        carrier = get_carrier(str(metadata_value))
        if carrier:
            return carrier
        logger.warning("Unknown carrier %r in fulfillment metadata", metadata_value)
    return detect_carrier(tracking_number) or (
        get_carrier(default_carrier) if default_carrier else None
    )


def sync_shipment_for_fulfillment(
    fulfillment_id: int, settings: Settings | None = None
) -> Shipment | None:
    """Create or update the shipment of a Saleor fulfillment from its tracking number.

    Safe to call any number of times for the same fulfillment: Saleor calls several hooks for
    one change, and a reconciliation pass may call it again.
    """
    settings = settings or load_settings()
    fulfillment = fulfillment_with_order(fulfillment_id)
    if fulfillment is None:
        return None
    if fulfillment.status == FulfillmentStatus.CANCELED:
        cancel_shipment_for_fulfillment(fulfillment_id)
        return None
    number = normalize_tracking_number(fulfillment.tracking_number)
    tracking = settings.typed(tracking_settings)
    carrier = resolve_carrier(
        number,
        (fulfillment.metadata or {}).get(tracking.carrier_metadata_key),
        tracking.default_carrier,
    )
    carrier_code = carrier.code if carrier else ""

    with transaction.atomic():
        if not number and not Shipment.objects.filter(fulfillment=fulfillment).exists():
            return None
        shipment, created = Shipment.objects.get_or_create(
            fulfillment=fulfillment,
            defaults={
                "order": fulfillment.order,
                "tracking_number": number,
                "carrier_code": carrier_code,
                "status": ShipmentStatus.INFO_RECEIVED,
            },
        )
        shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
        if created:
            message = f"Tracking started: {_carrier_label(carrier)} {number}"
            _announce_tracking_started(shipment)
        elif shipment.tracking_number != number:
            message = _restart_tracking(shipment, number, carrier_code)
            if number:
                _announce_tracking_started(shipment)
        elif shipment.carrier_code != carrier_code:
            previous = shipment.carrier_code or "unknown"
            shipment.carrier_code = carrier_code
            shipment.save(update_fields=["carrier_code", "updated_at"])
            message = f"Carrier changed from {previous} to {_carrier_label(carrier)} for {number}"
        else:
            return shipment
        add_timeline_event(
            fulfillment.order,
            message,
            {"shipment_id": shipment.pk, "tracking_number": number, "carrier": carrier_code},
        )
        if tracking.mirror_to_order_metadata:
            mirror_order_tracking(shipment.order_id)
    return shipment


def _restart_tracking(shipment: Shipment, number: str, carrier_code: str) -> str:
    """A corrected tracking number is another parcel: its history starts again."""
    previous_number = shipment.tracking_number
    shipment.tracking_number = number
    shipment.carrier_code = carrier_code
    shipment.status = ShipmentStatus.INFO_RECEIVED if number else ShipmentStatus.PENDING
    shipment.status_detail = ""
    shipment.carrier_status_code = ""
    shipment.last_event_at = None
    shipment.delivered_at = None
    shipment.last_checked_at = None
    if shipment.estimated_delivery_source != EstimateSource.MANUAL:
        shipment.estimated_delivery = None
        shipment.estimated_delivery_source = ""
    shipment.save()
    if not number:
        return f"Tracking number {previous_number} removed"
    return f"Tracking number changed from {previous_number or '(none)'} to {number}"


def record_events(
    shipment_id: int,
    events: list[TrackingEventData],
    source: str,
    *,
    estimated_delivery: date | None = None,
    estimate_source: str = EstimateSource.CARRIER,
    user: "User | None" = None,
    app: "App | None" = None,
    settings: Settings | None = None,
    checked_at: datetime | None = None,
) -> Progress:
    """Store new carrier events once and move the shipment forward when they allow it.

    `checked_at`: when a carrier or aggregator last answered about the parcel, saved with it.
    """
    settings = settings or load_settings()
    # Inside a caller's transaction no savepoint of its own: nothing here catches an error,
    # so the caller's block (a savepoint per delivery or per polled parcel) undoes all of it.
    with transaction.atomic(savepoint=False):
        shipment = Shipment.objects.select_for_update().select_related("order").get(pk=shipment_id)
        known = set(
            shipment.events.filter(tracking_number=shipment.tracking_number).values_list(
                "fingerprint", flat=True
            )
        )
        progress = apply_events(_state_of(shipment), events, known)
        ShipmentEvent.objects.bulk_create(
            ShipmentEvent(
                shipment=shipment,
                tracking_number=shipment.tracking_number,
                occurred_at=event.occurred_at,
                status=event.status,
                carrier_status_code=event.carrier_status_code,
                description=event.description,
                location=event.location,
                source=source,
                fingerprint=event.fingerprint(),
                recorded_by_user=user,
                recorded_by_app=app,
            )
            for event in progress.new_events
        )
        estimate_changed = _apply_estimate(shipment, estimated_delivery, estimate_source)
        _store_state(shipment, progress.state)
        if checked_at is not None:
            shipment.last_checked_at = checked_at
        shipment.save()
        for _previous, status, event in progress.status_changes:
            add_timeline_event(
                shipment.order,
                _status_message(shipment, status, event),
                {"shipment_id": shipment.pk, "status": status.value, "source": source},
                user=user,
                app=app,
            )
        mirror = settings.typed(tracking_settings).mirror_to_order_metadata
        if mirror and (progress.status_changed or estimate_changed):
            mirror_order_tracking(shipment.order_id)
        for previous, status, event in progress.status_changes:
            _announce(shipment, previous, status, event)
    return progress


def _apply_estimate(shipment: Shipment, estimate: date | None, source: str) -> bool:
    # A date staff set by hand is kept until staff change it.
    if estimate is None or estimate == shipment.estimated_delivery:
        return False
    if (
        shipment.estimated_delivery_source == EstimateSource.MANUAL
        and source != EstimateSource.MANUAL
    ):
        return False
    shipment.estimated_delivery = estimate
    shipment.estimated_delivery_source = source
    return True


def cancel_shipment_for_fulfillment(fulfillment_id: int) -> None:
    """Stop tracking the parcel of a cancelled fulfillment."""
    for shipment_id in Shipment.objects.filter(fulfillment_id=fulfillment_id).values_list(
        "pk", flat=True
    ):
        _cancel(shipment_id, "Fulfillment cancelled in Saleor")


def cancel_order_shipments(order_id: Any) -> None:
    """Stop tracking every parcel of a cancelled order."""
    for shipment_id in Shipment.objects.filter(order_id=order_id).values_list("pk", flat=True):
        _cancel(shipment_id, "Order cancelled in Saleor")


def stop_tracking_cancelled(since: datetime) -> int:
    """Stop parcels (created since `since`) that are still tracked although Saleor cancelled
    their fulfillment or their order: the hook's work was lost (broker down, worker crash).
    Returns how many were stopped."""
    cancellable = [
        status
        for status, targets in ALLOWED_TRANSITIONS.items()
        if ShipmentStatus.CANCELLED in targets
    ]
    stale = Shipment.objects.filter(created_at__gte=since, status__in=cancellable).filter(
        cancelled_in_saleor()
    )
    stopped = 0
    for shipment_id, fulfillment_status in stale.values_list("pk", fulfillment_status_path()):
        if fulfillment_status == FulfillmentStatus.CANCELED:
            _cancel(shipment_id, "Fulfillment cancelled in Saleor")
        else:
            _cancel(shipment_id, "Order cancelled in Saleor")
        stopped += 1
    return stopped


def _cancel(shipment_id: int, reason: str) -> None:
    with transaction.atomic():
        shipment = Shipment.objects.select_for_update().select_related("order").get(pk=shipment_id)
        previous = ShipmentStatus(shipment.status)
        if not can_transition(previous, ShipmentStatus.CANCELLED):
            return
        shipment.status = ShipmentStatus.CANCELLED
        shipment.status_detail = reason
        shipment.save(update_fields=["status", "status_detail", "updated_at"])
        add_timeline_event(
            shipment.order,
            f"Tracking stopped for {shipment.tracking_number}: {reason.lower()}",
            {"shipment_id": shipment.pk, "status": ShipmentStatus.CANCELLED.value},
        )
        mirror_order_tracking(shipment.order_id)
        _announce(shipment, previous, ShipmentStatus.CANCELLED, None)


def _announce(
    shipment: Shipment,
    previous: ShipmentStatus,
    status: ShipmentStatus,
    event: TrackingEventData | None,
) -> None:
    transaction.on_commit(
        lambda: shipment_status_changed.send_robust(
            sender=Shipment, shipment=shipment, previous=previous, status=status, event=event
        )
    )


def _announce_tracking_started(shipment: Shipment) -> None:
    transaction.on_commit(
        lambda: shipment_tracking_started.send_robust(sender=Shipment, shipment=shipment)
    )


def _state_of(shipment: Shipment) -> ShipmentState:
    return ShipmentState(
        status=ShipmentStatus(shipment.status),
        status_detail=shipment.status_detail,
        carrier_status_code=shipment.carrier_status_code,
        last_event_at=shipment.last_event_at,
        delivered_at=shipment.delivered_at,
    )


def _store_state(shipment: Shipment, state: ShipmentState) -> None:
    shipment.status = state.status
    shipment.status_detail = state.status_detail
    shipment.carrier_status_code = state.carrier_status_code
    shipment.last_event_at = state.last_event_at
    shipment.delivered_at = state.delivered_at


def _carrier_label(carrier: Carrier | None) -> str:
    return carrier.name if carrier else "unknown carrier"


def _status_message(shipment: Shipment, status: ShipmentStatus, event: TrackingEventData) -> str:
    parts = [f"Shipment {shipment.tracking_number}: {status.value.replace('_', ' ')}"]
    if event.description:
        parts.append(event.description)
    if event.location:
        parts.append(event.location)
    return " - ".join(parts)
