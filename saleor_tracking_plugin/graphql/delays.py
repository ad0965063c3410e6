"""GraphQL of delays for staff: the call list, call outcomes and delay refunds (crisis
broadcasts: graphql/broadcasts.py)."""

import graphene
from django.db.models import Max, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from ..delays import actions, refund_settlement
from ..delays.models import (
    CallOutcome,
    DelayCall,
    OrderDelay,
    OrderDelayCause,
    RefundStatus,
)
from ..delays.rules import DelayCause, DelayChoice
from ..notifications.facts import customer_name, customer_phone
from ..saleor_glue.order_joins import order_with_contacts
from .core import MutationError, RefundSettleAction, global_id, int_pk, mutation_error, uuid_pk
from .pagination import DATETIME, INTEGER, SortKey, connection, connection_arguments, paginate
from .permissions import Access, requires

DelayCauseEnum = graphene.Enum.from_enum(DelayCause, description="Why an order is late.")
DelayChoiceEnum = graphene.Enum.from_enum(
    DelayChoice, description="What the customer wants done about a delay."
)
DelayCallOutcomeEnum = graphene.Enum(
    "DelayCallOutcome",
    [(choice.name, choice.value) for choice in CallOutcome],
    description="How a phone call about a delay went.",
)
DelayRefundStatusEnum = graphene.Enum(
    "DelayRefundStatus",
    [(choice.name, choice.value) for choice in RefundStatus],
    description="Where the refund of a cancelled delayed order stands.",
)
MAX_NOTE_LENGTH = 2000
MAX_LIST_SIZE = 500
DEFAULT_LIST_SIZE = 100


class DelayCauseRecord(graphene.ObjectType):
    cause = DelayCauseEnum(required=True, description="The cause.")
    detected_at = graphene.DateTime(required=True, description="When it was first detected.")
    days_late = graphene.Int(required=True, description="Days late, refreshed by each scan.")
    shipment_id = graphene.ID(description="Global ID of the parcel concerned, if any.")

    @staticmethod
    def resolve_shipment_id(root: OrderDelayCause, _info):
        return global_id("Shipment", root.shipment_id) if root.shipment_id else None


class DelayCallRecord(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global ID of the call.")
    outcome = DelayCallOutcomeEnum(required=True, description="How the call went.")
    note = graphene.String(required=True, description="What was said or agreed.")
    called_by = graphene.String(description="Email of the staff member or name of the app.")
    created_at = graphene.DateTime(required=True, description="When the call was logged.")

    @staticmethod
    def resolve_id(root: DelayCall, _info):
        return global_id("DelayCall", root.pk)

    @staticmethod
    def resolve_called_by(root: DelayCall, _info):
        if root.called_by_user:
            return root.called_by_user.email
        return root.called_by_app.name if root.called_by_app else None


class DelayRefundRecord(graphene.ObjectType):
    status = DelayRefundStatusEnum(required=True, description="Where the refund stands.")
    idempotency_key = graphene.String(
        required=True, description="Recorded before Saleor was asked."
    )
    amount = graphene.Float(description="Amount refunded or requested.")
    currency = graphene.String(required=True, description="Currency of the amount.")
    detail = graphene.String(
        required=True, description="Why it failed, or Saleor's references of the refund."
    )


class OrderDelayType(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global ID of the delay.")
    order_id = graphene.ID(required=True, description="Saleor global ID of the order.")
    order_number = graphene.String(required=True, description="The order number.")
    customer_name = graphene.String(required=True, description="Name on the order.")
    phone = graphene.String(required=True, description="Phone to call (shipping address first).")
    email = graphene.String(required=True, description="The order's email.")
    days_late = graphene.Int(required=True, description="The largest days late of its causes.")
    causes = graphene.List(
        graphene.NonNull(DelayCauseRecord), required=True, description="Causes, oldest first."
    )
    opened_at = graphene.DateTime(required=True, description="When the delay was first seen.")
    new_estimate = graphene.Date(description="The date promised to a customer who waits.")
    choice = DelayChoiceEnum(description="The customer's choice; null until they choose.")
    chosen_at = graphene.DateTime(description="When the customer chose.")
    updates_consent = graphene.Boolean(
        required=True, description="The customer agreed to updates until delivery."
    )
    refund = graphene.Field(DelayRefundRecord, description="Refund after a cancellation.")
    calls = graphene.List(
        graphene.NonNull(DelayCallRecord), required=True, description="Calls, oldest first."
    )
    resolved_at = graphene.DateTime(description="When the order was delivered or cancelled.")
    resolution = graphene.String(description="`delivered` or `cancelled` once resolved.")

    class Meta:
        name = "OrderDelay"

    @staticmethod
    def resolve_id(root: OrderDelay, _info):
        return global_id("OrderDelay", root.pk)

    @staticmethod
    def resolve_order_id(root: OrderDelay, _info):
        return global_id("Order", root.order_id)

    @staticmethod
    def resolve_order_number(root: OrderDelay, _info):
        return str(root.order.number)

    @staticmethod
    def resolve_customer_name(root: OrderDelay, _info):
        return customer_name(root.order)

    @staticmethod
    def resolve_phone(root: OrderDelay, _info):
        return customer_phone(root.order)

    @staticmethod
    def resolve_email(root: OrderDelay, _info):
        return root.order.user_email or (root.order.user.email if root.order.user else "")

    @staticmethod
    def resolve_days_late(root: OrderDelay, _info):
        return max((cause.days_late for cause in root.causes.all()), default=0)

    @staticmethod
    def resolve_causes(root: OrderDelay, _info):
        return root.causes.all()

    @staticmethod
    def resolve_choice(root: OrderDelay, _info):
        return root.choice or None

    @staticmethod
    def resolve_refund(root: OrderDelay, _info):
        return getattr(root, "refund", None)

    @staticmethod
    def resolve_calls(root: OrderDelay, _info):
        return root.calls.all()

    @staticmethod
    def resolve_resolution(root: OrderDelay, _info):
        return root.resolution or None


def _delays() -> QuerySet[OrderDelay]:
    return OrderDelay.objects.select_related(*order_with_contacts(), "refund").prefetch_related(
        "causes",
        Prefetch(
            "calls", queryset=DelayCall.objects.select_related("called_by_user", "called_by_app")
        ),
    )


class OrderDelayConnection(graphene.relay.Connection):
    class Meta:
        node = OrderDelayType
        description = "A page of the call list."


LATEST_FIRST = (
    SortKey("most_late", INTEGER, descending=True),
    SortKey("opened_at", DATETIME),
    SortKey("pk", INTEGER),
)


class DelayQueries(graphene.ObjectType):
    delay_call_list = requires(
        Access.MANAGE_ORDERS,
        graphene.Field(
            OrderDelayConnection,
            required=True,
            include_resolved=graphene.Boolean(
                default_value=False, description="Also list delivered and cancelled orders."
            ),
            cause=DelayCauseEnum(description="Only orders late for this cause."),
            **connection_arguments(MAX_LIST_SIZE),
            description=(
                "Delayed orders to call, the latest first: phone, cause, days late and the "
                "customer's choice; cancelled ones stay while their refund failed or is "
                f"unfinished. In pages (Relay cursors; {DEFAULT_LIST_SIZE} when no size is "
                "given). Requires MANAGE_ORDERS."
            ),
        ),
    )
    order_delay = requires(
        Access.MANAGE_ORDERS,
        graphene.Field(
            OrderDelayType,
            order_id=graphene.ID(required=True, description="Saleor global ID of the order."),
            description="The delay of one order, if it was ever late. Requires MANAGE_ORDERS.",
        ),
    )

    @staticmethod
    def resolve_delay_call_list(_root, info, include_resolved=False, cause=None, **page):
        # The page is chosen on the delays table alone (the aggregate over every open delay
        # would otherwise group the customer's and addresses' columns too), then loaded.
        delays = OrderDelay.objects.only("pk", "opened_at")
        if not include_resolved:
            # A cancelled order whose refund failed or never finished still needs a call.
            delays = delays.filter(
                Q(resolved_at__isnull=True)
                | Q(
                    refund__status__in=[
                        RefundStatus.FAILED,
                        RefundStatus.PENDING,
                        RefundStatus.UNKNOWN,
                    ]
                )
            )
        if cause:
            delays = delays.filter(causes__cause=cause)
        # A delay without causes counts as 0 days late: a cursor holds no NULL.
        delays = delays.annotate(most_late=Coalesce(Max("causes__days_late"), 0))
        found = paginate(
            delays, LATEST_FIRST, MAX_LIST_SIZE, default_size=DEFAULT_LIST_SIZE, **page
        )
        loaded = _delays().in_bulk([row.pk for row in found.rows])
        return connection(OrderDelayConnection, found, nodes=[loaded[row.pk] for row in found.rows])

    @staticmethod
    def resolve_order_delay(_root, info, order_id):
        pk = uuid_pk(order_id, "Order")
        return _delays().filter(order_id=pk).first() if pk else None


class DelayCallLog(graphene.Mutation):
    """Log how a phone call about a delay went (staff or apps with MANAGE_ORDERS)."""

    class Arguments:
        delay_id = graphene.ID(required=True, description="Global ID of the delay.")
        outcome = DelayCallOutcomeEnum(required=True, description="How the call went.")
        note = graphene.String(description="What was said or agreed.")

    delay = graphene.Field(OrderDelayType, description="The delay with the call logged.")
    errors = graphene.List(graphene.NonNull(MutationError), required=True)

    @staticmethod
    def mutate(_root, info, delay_id, outcome, note=None):
        pk = int_pk(delay_id, "OrderDelay")
        if not (pk and OrderDelay.objects.filter(pk=pk).exists()):
            return DelayCallLog(errors=[mutation_error("NOT_FOUND", "Delay not found.", "delayId")])
        note = (note or "").strip()
        if len(note) > MAX_NOTE_LENGTH:
            return DelayCallLog(
                errors=[
                    mutation_error(
                        "INVALID", f"Note is longer than {MAX_NOTE_LENGTH} characters.", "note"
                    )
                ]
            )
        requestor = info.context.requestor
        actions.log_call(pk, CallOutcome(outcome), note, user=requestor.user, app=requestor.app)
        return DelayCallLog(delay=_delays().get(pk=pk), errors=[])


class DelayRefundSettle(graphene.Mutation):
    """Settle the refund of a cancelled delayed order that failed, is unknown or stuck: mark it
    done with a reference, or retry it. Written on the order's timeline."""

    class Arguments:
        delay_id = graphene.ID(required=True, description="Global ID of the delay.")
        action = RefundSettleAction(required=True, description="What to do.")
        reference = graphene.String(description="For MARK_DONE: the refund's reference.")
        amount = graphene.Decimal(description="For MARK_DONE: the amount refunded.")

    delay = graphene.Field(OrderDelayType, description="The delay with its refund.")
    errors = graphene.List(graphene.NonNull(MutationError), required=True)

    @staticmethod
    def mutate(_root, info, delay_id, action, reference=None, amount=None):
        pk = int_pk(delay_id, "OrderDelay")
        if not (pk and OrderDelay.objects.filter(pk=pk).exists()):
            return DelayRefundSettle(
                errors=[mutation_error("NOT_FOUND", "Delay not found.", "delayId")]
            )
        requestor = info.context.requestor
        try:
            if action == "mark_done":
                refund_settlement.mark_delay_refund_done(pk, reference or "", amount)
            else:
                refund_settlement.retry_delay_refund(pk, requestor.user, requestor.app)
        except actions.DelayActionError as error:
            return DelayRefundSettle(errors=[mutation_error(error.code, str(error), "delayId")])
        return DelayRefundSettle(delay=_delays().get(pk=pk), errors=[])


class DelayMutations(graphene.ObjectType):
    delay_call_log = requires(
        Access.MANAGE_ORDERS,
        DelayCallLog.Field(
            description="Log a call's outcome on a delayed order. Requires MANAGE_ORDERS."
        ),
    )
    delay_refund_settle = requires(
        Access.MANAGE_ORDERS,
        DelayRefundSettle.Field(
            description=(
                "Settle a delay cancellation's refund that failed, is unknown or stuck: mark it "
                "done with a reference, or retry. Requires MANAGE_ORDERS."
            )
        ),
    )
