"""GraphQL of tracking: `orderTracking`, `carriers` and the staff `shipmentEventAdd`."""

from datetime import timedelta

import graphene
from django.utils import timezone

from ..carriers.registry import all_carriers, get_carrier
from ..config import load_settings
from ..pages.links import tracking_page_url
from ..returns.eligibility import can_return_something
from ..returns.notices import order_return_page_url
from ..returns.policy import from_settings
from ..surveys.actions import can_answer
from ..surveys.config import survey_settings
from ..surveys.links import survey_link
from ..surveys.models import Survey
from ..tracking import actions
from ..tracking.event_rows import attach_current_events, current_events
from ..tracking.metadata import tracking_url
from ..tracking.models import EstimateSource, Shipment, ShipmentKind
from ..tracking.progress import TrackingEventData
from ..tracking.statuses import ShipmentStatus, can_transition, least_advanced
from .carriers import TrackingProblem, resolve_tracking_problem
from .core import (
    MutationError,
    global_id,
    int_pk,
    mutation_error,
)
from .order_access import find_order
from .permissions import Access, requires

ShipmentStatusEnum = graphene.Enum.from_enum(
    ShipmentStatus, description="Normalized shipment status."
)
EstimateSourceEnum = graphene.Enum(
    "EstimatedDeliverySource",
    [(choice.name, choice.value) for choice in EstimateSource],
    description="Where an estimated delivery date came from.",
)
# Staff may move a shipment to any carrier status, but not to `cancelled`: that follows Saleor.
MANUAL_STATUSES = [s for s in ShipmentStatus if s != ShipmentStatus.CANCELLED]
MAX_DESCRIPTION_LENGTH = 1000


class Carrier(graphene.ObjectType):
    code = graphene.String(required=True, description="Stable carrier code, e.g. `yurtici`.")
    name = graphene.String(required=True, description="Display name, e.g. `Yurtiçi Kargo`.")


class TrackingEvent(graphene.ObjectType):
    occurred_at = graphene.DateTime(required=True, description="When the carrier scanned it.")
    status = ShipmentStatusEnum(required=True, description="Normalized status of the scan.")
    description = graphene.String(required=True, description="The carrier's own text.")
    location = graphene.String(required=True, description="Where the scan happened.")


class TrackedShipment(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global ID of the shipment.")
    carrier = graphene.Field(Carrier, description="The carrier, when known.")
    tracking_number = graphene.String(required=True, description="The parcel's number.")
    tracking_url = graphene.String(description="The carrier's public tracking page.")
    status = ShipmentStatusEnum(required=True, description="Normalized current status.")
    status_detail = graphene.String(
        required=True, description="The carrier's own words for the current status."
    )
    estimated_delivery = graphene.Date(description="Expected delivery date, if known.")
    estimated_delivery_source = graphene.Field(
        EstimateSourceEnum, description="Where the estimated delivery date came from."
    )
    delivered_at = graphene.DateTime(description="When the parcel was delivered.")
    last_event_at = graphene.DateTime(description="Time of the latest carrier scan.")
    last_checked_at = graphene.DateTime(description="When a carrier was last asked or heard.")
    tracking_problem = graphene.Field(
        TrackingProblem,
        description="Why the carrier last gave no news (staff only; null when all is well).",
        resolver=resolve_tracking_problem,
    )
    events = graphene.List(
        graphene.NonNull(TrackingEvent),
        required=True,
        description="Scans of the current tracking number, oldest first.",
    )

    @staticmethod
    def resolve_id(root: Shipment, _info):
        return global_id("Shipment", root.pk)

    @staticmethod
    def resolve_carrier(root: Shipment, _info):
        return get_carrier(root.carrier_code) if root.carrier_code else None

    @staticmethod
    def resolve_tracking_url(root: Shipment, _info):
        return tracking_url(root) or None

    @staticmethod
    def resolve_estimated_delivery_source(root: Shipment, _info):
        return root.estimated_delivery_source or None

    @staticmethod
    def resolve_events(root: Shipment, _info):
        return current_events(root)


class OrderTracking(graphene.ObjectType):
    order_id = graphene.ID(required=True, description="Saleor global ID of the order.")
    number = graphene.String(required=True, description="The order number.")
    status = ShipmentStatusEnum(
        description="The order's status: its least advanced active shipment."
    )
    shipments = graphene.List(
        graphene.NonNull(TrackedShipment), required=True, description="Outbound parcels."
    )
    tracking_page_url = graphene.String(
        required=True,
        description=(
            "The hosted tracking page of the order (signed, opens without logging in; based on "
            "Saleor's PUBLIC_URL)."
        ),
    )
    return_page_url = graphene.String(
        description=(
            "The hosted return page of the order, while some item can be returned; null when "
            "nothing can be returned (not shipped yet, window closed, all returned)."
        ),
    )

    survey_page_url = graphene.String(
        description=(
            "The hosted satisfaction survey page of the order, once it can be rated (delivered, "
            "or the survey was sent); null before and while surveys are off."
        ),
    )

    @staticmethod
    def resolve_tracking_page_url(root, _info):
        return tracking_page_url(root.order.pk)

    @staticmethod
    def resolve_return_page_url(root, _info):
        policy = load_settings().typed(from_settings)
        if not can_return_something(root.order, policy, timezone.now()):
            return None
        return order_return_page_url(root.order)

    @staticmethod
    def resolve_survey_page_url(root, _info):
        if not load_settings().typed(survey_settings).enabled:
            return None
        survey = Survey.objects.filter(order=root.order).first()
        return survey_link(root.order) if can_answer(root.order, survey) else None


def _shipments_with_events(**lookup) -> list[Shipment]:
    # One query for the shipments (with their polling state) and one for all their events,
    # however many there are.
    shipments = list(
        Shipment.objects.filter(kind=ShipmentKind.OUTBOUND, **lookup)
        .select_related("polling")
        .order_by("pk")
    )
    attach_current_events(shipments)
    return shipments


class TrackingQueries(graphene.ObjectType):
    order_tracking = requires(
        Access.ORDER_HOLDER,
        graphene.Field(
            OrderTracking,
            id=graphene.ID(description="Order ID, for its logged-in owner or staff."),
            number=graphene.String(description="Order number, for guests (with `email`)."),
            email=graphene.String(description="The order's email, for guests (with `number`)."),
            description=(
                "Tracking of an order: by `id` for its owner or staff with MANAGE_ORDERS, or by "
                "`number` and `email` for guests. Unknown orders and wrong pairs give the same "
                "NOT_FOUND error; repeated failures from one client give THROTTLED."
            ),
        ),
    )
    carriers = requires(
        Access.PUBLIC,
        graphene.List(
            graphene.NonNull(Carrier), required=True, description="Every carrier the plugin knows."
        ),
    )

    @staticmethod
    def resolve_order_tracking(_root, info, id=None, number=None, email=None):
        order = find_order(info.context, info.context.requestor, id, number, email)
        shipments = _shipments_with_events(order=order)
        tracking = OrderTracking(
            order_id=global_id("Order", order.pk),
            number=str(order.number),
            status=least_advanced([ShipmentStatus(s.status) for s in shipments]),
            shipments=shipments,
        )
        # The links are resolved only when asked for: return eligibility costs queries.
        tracking.order = order
        return tracking

    @staticmethod
    def resolve_carriers(_root, _info):
        return all_carriers()


class ShipmentEventInput(graphene.InputObjectType):
    status = ShipmentStatusEnum(required=True, description="Normalized status of the event.")
    occurred_at = graphene.DateTime(description="When it happened; defaults to now.")
    description = graphene.String(description="What happened, in words.")
    location = graphene.String(description="Where it happened.")
    estimated_delivery = graphene.Date(description="A new estimated delivery date.")


class ShipmentEventAdd(graphene.Mutation):
    """Record a tracking event by hand (staff or apps with MANAGE_ORDERS)."""

    class Arguments:
        shipment_id = graphene.ID(required=True, description="Global ID of the shipment.")
        input = ShipmentEventInput(required=True, description="The event.")

    shipment = graphene.Field(TrackedShipment, description="The shipment after the event.")
    errors = graphene.List(graphene.NonNull(MutationError), required=True)

    @staticmethod
    def mutate(_root, info, shipment_id, input):
        requestor = info.context.requestor
        pk = int_pk(shipment_id, "Shipment")
        shipment = Shipment.objects.filter(pk=pk).first() if pk else None
        if shipment is None:
            return _failure("NOT_FOUND", "Shipment not found.", "shipmentId")
        occurred_at = input.get("occurred_at") or timezone.now()
        if occurred_at > timezone.now() + timedelta(minutes=5):
            return _failure("INVALID", "An event cannot happen in the future.", "occurredAt")
        description = (input.get("description") or "").strip()
        if len(description) > MAX_DESCRIPTION_LENGTH:
            return _failure(
                "INVALID",
                f"Description is longer than {MAX_DESCRIPTION_LENGTH} characters.",
                "description",
            )
        status = ShipmentStatus(input["status"])
        if status not in MANUAL_STATUSES:
            return _failure(
                "INVALID", "Cancel the fulfillment in Saleor to stop tracking.", "status"
            )
        is_newest = not shipment.last_event_at or occurred_at >= shipment.last_event_at
        if is_newest and not can_transition(ShipmentStatus(shipment.status), status):
            return _failure(
                "INVALID_TRANSITION",
                f"A shipment that is {shipment.status} cannot become {status.value}.",
                "status",
            )
        actions.record_events(
            shipment.pk,
            [
                TrackingEventData(
                    occurred_at=occurred_at,
                    status=status,
                    description=description,
                    location=(input.get("location") or "").strip(),
                )
            ],
            source="manual",
            estimated_delivery=input.get("estimated_delivery"),
            estimate_source=EstimateSource.MANUAL,
            user=requestor.user,
            app=requestor.app,
        )
        (updated,) = _shipments_with_events(pk=shipment.pk)
        return ShipmentEventAdd(shipment=updated, errors=[])


def _failure(code: str, message: str, field: str) -> ShipmentEventAdd:
    return ShipmentEventAdd(shipment=None, errors=[mutation_error(code, message, field)])


class TrackingMutations(graphene.ObjectType):
    shipment_event_add = requires(
        Access.MANAGE_ORDERS,
        ShipmentEventAdd.Field(
            description="Record a tracking event by hand. Requires MANAGE_ORDERS."
        ),
    )
