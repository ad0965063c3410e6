"""GraphQL of carriers: a shipment's tracking problem and carriers' health, for staff."""

import graphene

from ..carriers.connectors import connector_codes
from ..carriers.models import CarrierCircuit, ShipmentPolling
from .permissions import Access, requires


class TrackingProblem(graphene.ObjectType):
    code = graphene.String(
        required=True,
        description=(
            "Why the carrier gave no news: UNKNOWN_NUMBER, AUTHENTICATION, UNAVAILABLE, "
            "TIMEOUT, RATE_LIMITED, MALFORMED or NOT_CONFIGURED."
        ),
    )
    message = graphene.String(required=True, description="What staff should know, in words.")
    since = graphene.DateTime(required=True, description="When the problem was last seen.")
    failures = graphene.Int(required=True, description="Failed polls in a row.")


def resolve_tracking_problem(shipment, info) -> TrackingProblem | None:
    """The shipment's last polling problem, for staff only (customers see the status)."""
    if not info.context.requestor.can_manage_orders:
        return None
    try:
        state: ShipmentPolling = shipment.polling
    except ShipmentPolling.DoesNotExist:
        return None
    if not state.last_error_code:
        return None
    return TrackingProblem(
        code=state.last_error_code.upper(),
        message=state.last_error,
        since=state.last_error_at,
        failures=state.consecutive_failures,
    )


class CarrierHealth(graphene.ObjectType):
    code = graphene.String(required=True, description="Carrier code, e.g. `ups`.")
    consecutive_failures = graphene.Int(required=True, description="Failed calls in a row.")
    paused_until = graphene.DateTime(
        description="While set and in the future, the plugin does not call the carrier."
    )
    last_error = graphene.String(description="The last failure, in words.")
    last_success_at = graphene.DateTime(description="When the carrier last answered.")


class CarrierQueries(graphene.ObjectType):
    carrier_health = requires(
        Access.MANAGE_ORDERS,
        graphene.List(
            graphene.NonNull(CarrierHealth),
            required=True,
            description="Health of every carrier the plugin polls. Requires MANAGE_ORDERS.",
        ),
    )

    @staticmethod
    def resolve_carrier_health(_root, info):
        rows = {row.carrier_code: row for row in CarrierCircuit.objects.all()}
        return [
            CarrierHealth(
                code=code,
                consecutive_failures=rows[code].consecutive_failures if code in rows else 0,
                paused_until=rows[code].open_until if code in rows else None,
                last_error=rows[code].last_error if code in rows else None,
                last_success_at=rows[code].last_success_at if code in rows else None,
            )
            for code in connector_codes()
        ]
