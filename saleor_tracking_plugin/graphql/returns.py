"""GraphQL of returns: the policy, eligibility and requests for customers; the workflow for staff.

Customers reach their order as in `orderTracking`: by `id` when logged in, or by `number` and
`email` as guests. Staff and apps need MANAGE_ORDERS.
"""

from datetime import timedelta

import graphene
from django.db.models import Prefetch
from django.utils import timezone, translation

from ..carriers.registry import get_carrier
from ..config import load_settings
from ..returns import actions
from ..returns.eligibility import order_eligibility
from ..returns.instructions import instructions_for
from ..returns.labels import REASON_LABELS, RESOLUTION_LABELS, STATUS_LABELS
from ..returns.line_rows import attach_lines, lines_of
from ..returns.models import RefundStatus, Return
from ..returns.notices import order_return_page_url
from ..returns.policy import ShippingPayer, from_settings
from ..returns.qr import qr_data_url
from ..returns.statuses import ReturnStatus
from ..saleor_glue.order_joins import with_order_summary
from .core import (
    global_id,
    uuid_pk,
)
from .lookahead import selected_below
from .order_access import find_order
from .pagination import DATETIME, INTEGER, SortKey, connection, connection_arguments, paginate
from .permissions import Access, requires
from .return_enums import (
    InspectionOutcomeEnum,
    LanguageEnum,
    NotReturnableEnum,
    RefundStatusEnum,
    ResolutionEnum,
    ReturnReasonEnum,
    ReturnStatusEnum,
    ShippingPayerEnum,
)
from .return_refunds import PAGE_REFUNDS, REFUND_FIELDS, ReturnRefundState, latest_refund
from .tracking import Carrier, TrackedShipment

# The promise to the customer: a decision within 48 hours of the request.
DECISION_PROMISE_HOURS = 48
MAX_PAGE_SIZE = 100


class ReturnReasonOption(graphene.ObjectType):
    code = ReturnReasonEnum(required=True, description="The reason.")
    label = graphene.String(required=True, description="Its name for shoppers.")
    shipping_paid_by = ShippingPayerEnum(
        required=True, description="Who pays the return parcel for this reason."
    )


class ReturnResolutionOption(graphene.ObjectType):
    code = ResolutionEnum(required=True, description="The resolution.")
    label = graphene.String(required=True, description="Its name for shoppers.")


class ReturnPolicyType(graphene.ObjectType):
    class Meta:
        name = "ReturnPolicy"
        description = "The shop's return policy, to show before and during a return."

    window_days = graphene.Int(
        required=True, description="Days to return, from delivery (or fulfillment)."
    )
    reasons = graphene.List(graphene.NonNull(ReturnReasonOption), required=True)
    resolutions = graphene.List(graphene.NonNull(ReturnResolutionOption), required=True)
    non_returnable_products = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Product slugs or IDs."
    )
    non_returnable_product_types = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Product type slugs."
    )
    auto_approve = graphene.Boolean(required=True, description="Requests approved at once.")
    auto_approve_max_amount = graphene.Decimal(
        description="Requests worth more wait for staff; null means no limit."
    )
    decision_hours = graphene.Int(
        required=True, description="Hours after which an undecided request is escalated."
    )
    decision_promise_hours = graphene.Int(
        required=True, description="Hours within which every request gets a decision."
    )
    return_carrier = graphene.Field(Carrier, description="Carrier to send returns with.")
    return_address = graphene.String(required=True, description="Where returns go.")


def _policy_view(policy) -> ReturnPolicyType:
    return ReturnPolicyType(
        window_days=policy.window_days,
        reasons=[
            ReturnReasonOption(
                code=reason,
                label=str(REASON_LABELS[reason]),
                shipping_paid_by=policy.shipping_payer(reason),
            )
            for reason in policy.reasons
        ],
        resolutions=[
            ReturnResolutionOption(code=r, label=str(RESOLUTION_LABELS[r]))
            for r in policy.resolutions
        ],
        non_returnable_products=sorted(policy.non_returnable_products),
        non_returnable_product_types=sorted(policy.non_returnable_product_types),
        auto_approve=policy.auto_approve,
        auto_approve_max_amount=policy.auto_approve_max_amount,
        decision_hours=policy.decision_hours,
        decision_promise_hours=DECISION_PROMISE_HOURS,
        return_carrier=get_carrier(policy.return_carrier) if policy.return_carrier else None,
        return_address=policy.return_address,
    )


class ReturnEligibilityLine(graphene.ObjectType):
    order_line_id = graphene.ID(required=True, description="Saleor global ID of the line.")
    product_name = graphene.String(required=True, description="Product name.")
    variant_name = graphene.String(required=True, description="Variant name.")
    sku = graphene.String(description="Variant SKU.")
    quantity = graphene.Int(required=True, description="Quantity ordered.")
    returnable_quantity = graphene.Int(
        required=True, description="Fulfilled minus already returned or requested."
    )
    deadline = graphene.DateTime(description="Last moment to request a return.")
    not_returnable_reason = NotReturnableEnum(description="Why nothing can be returned.")


class ReturnInstructionsType(graphene.ObjectType):
    class Meta:
        name = "ReturnInstructions"
        description = "How to send the return parcel."

    carrier = graphene.Field(Carrier, description="The carrier to use.")
    return_code = graphene.String(
        required=True, description="The shop's contracted return code; empty if you pay."
    )
    text = graphene.String(required=True, description="Step-by-step instructions.")
    address = graphene.String(required=True, description="Where to send the parcel.")


class ReturnLineOutcome(graphene.ObjectType):
    outcome = InspectionOutcomeEnum(required=True, description="What inspection found.")
    quantity = graphene.Int(required=True, description="How many items of the line.")


class ReturnLineType(graphene.ObjectType):
    class Meta:
        name = "ReturnLine"
        description = "Items of one order line in a return."

    id = graphene.ID(required=True, description="Global ID of the return line.")
    order_line_id = graphene.ID(required=True, description="Saleor global ID of the line.")
    product_name = graphene.String(required=True, description="Product name.")
    sku = graphene.String(description="Variant SKU.")
    quantity = graphene.Int(required=True, description="Items returned.")
    outcome = InspectionOutcomeEnum(
        description="What inspection found, when all items share it; null when split."
    )
    outcomes = graphene.List(
        graphene.NonNull(ReturnLineOutcome),
        required=True,
        description="Items per inspection outcome (empty until inspected).",
    )
    restocked_quantity = graphene.Int(required=True, description="Items put back in stock.")

    @staticmethod
    def resolve_id(root, _info):
        return global_id("ReturnLine", root.pk)

    @staticmethod
    def resolve_order_line_id(root, _info):
        return global_id("OrderLine", root.order_line_id)

    @staticmethod
    def resolve_product_name(root, _info):
        return root.order_line.product_name

    @staticmethod
    def resolve_sku(root, _info):
        return root.order_line.product_sku

    @staticmethod
    def resolve_outcome(root, _info):
        return root.outcome or None

    @staticmethod
    def resolve_outcomes(root, _info):
        return [
            ReturnLineOutcome(outcome=outcome, quantity=quantity)
            for outcome, quantity in (root.outcome_quantities or {}).items()
        ]


class ReturnType(graphene.ObjectType):
    class Meta:
        name = "Return"
        description = "A return of items of one order (an RMA)."

    id = graphene.ID(required=True, description="Global ID of the return.")
    rma = graphene.String(required=True, description="The return number to quote.")
    order_id = graphene.ID(required=True, description="Saleor global ID of the order.")
    order_number = graphene.String(required=True, description="The order number.")
    status = ReturnStatusEnum(required=True, description="Where the return is.")
    status_label = graphene.String(required=True, description="The status, for shoppers.")
    reason = ReturnReasonEnum(required=True, description="Why the items are returned.")
    comment = graphene.String(required=True, description="The customer's comment.")
    resolution = ResolutionEnum(required=True, description="What the customer asked for.")
    customer_pays_shipping = graphene.Boolean(
        required=True, description="Whether the customer pays the return parcel."
    )
    decision_note = graphene.String(
        required=True, description="Staff's note on approval, or the reason for rejection."
    )
    created_at = graphene.DateTime(required=True, description="When it was requested.")
    decision_due_at = graphene.DateTime(
        required=True, description="When a decision is promised by (48 hours)."
    )
    is_overdue = graphene.Boolean(
        required=True, description="Waiting for a decision longer than the policy allows."
    )
    decided_at = graphene.DateTime(description="When it was approved or rejected.")
    received_at = graphene.DateTime(description="When the parcel arrived.")
    inspected_at = graphene.DateTime(description="When the items were inspected.")
    resolved_at = graphene.DateTime(description="When the refund or credit was made.")
    refund_amount = graphene.Decimal(description="What is owed, once inspected.")
    refunded_amount = graphene.Decimal(
        description="What Saleor recorded as refunded (or staff confirmed); null until then."
    )
    refund_shortfall = graphene.Decimal(
        description=(
            "Owed but not refunded (or requested), when the refund was capped by what was "
            "captured; null when the full amount is refunded or no refund started."
        )
    )
    refund_status = RefundStatusEnum(description="Where the refund is; null before it starts.")
    refund_error = graphene.String(
        description="Why the last refund attempt failed or is unknown (for staff)."
    )
    refund_reference = graphene.String(
        description="Saleor's payment records of the refund, or staff's reference."
    )
    refund_attempts = graphene.Int(required=True, description="Refund attempts made.")
    close_reason = graphene.String(
        required=True, description="Why staff closed the return (items went missing)."
    )
    currency = graphene.String(required=True, description="Currency of the amounts.")
    lines = graphene.List(graphene.NonNull(ReturnLineType), required=True)
    qr_code = graphene.String(
        required=True, description="QR code of the return number, as a data URL (SVG)."
    )
    instructions = graphene.Field(
        ReturnInstructionsType,
        language=LanguageEnum(description="Language of the text; the order's by default."),
        description="How to send the parcel.",
    )
    return_shipment = graphene.Field(
        TrackedShipment, description="The return parcel, once its tracking number is known."
    )
    return_page_url = graphene.String(
        required=True, description="The hosted return page of this order."
    )
    saleor_fulfillment_id = graphene.ID(
        description="Saleor's RETURNED fulfillment, once inspected."
    )
    gift_card_id = graphene.ID(description="Saleor gift card issued as store credit.")
    refund = graphene.Field(
        ReturnRefundState, description="The refund or credit record, once one was started."
    )

    @staticmethod
    def resolve_id(root, _info):
        return global_id("Return", root.pk)

    @staticmethod
    def resolve_order_id(root, _info):
        return global_id("Order", root.order_id)

    @staticmethod
    def resolve_order_number(root, _info):
        return str(root.order.number)

    @staticmethod
    def resolve_status_label(root, _info):
        return str(STATUS_LABELS[ReturnStatus(root.status)])

    @staticmethod
    def resolve_decision_due_at(root, _info):
        return root.created_at + timedelta(hours=DECISION_PROMISE_HOURS)

    @staticmethod
    def resolve_is_overdue(root, _info):
        return actions.is_overdue(
            root, timezone.now(), load_settings().typed(from_settings).decision_hours
        )

    @staticmethod
    def resolve_lines(root, _info):
        # Lists read the lines of a whole page in one query (`attach_lines`).
        return lines_of(root)

    @staticmethod
    def resolve_refund(root, _info):
        return latest_refund(root)

    @staticmethod
    def resolve_qr_code(root, _info):
        return qr_data_url(root.rma)

    @staticmethod
    def resolve_instructions(root, _info, language=None):
        policy = load_settings().typed(from_settings)
        payer = ShippingPayer.CUSTOMER if root.customer_pays_shipping else ShippingPayer.MERCHANT
        with translation.override(language or root.order.language_code or "en"):
            found = instructions_for(policy, payer, root.rma)
        return ReturnInstructionsType(
            carrier=get_carrier(found.carrier_code) if found.carrier_code else None,
            return_code=found.return_code,
            text=found.text,
            address=found.address,
        )

    @staticmethod
    def resolve_return_page_url(root, _info):
        return order_return_page_url(root.order)

    @staticmethod
    def resolve_refund_shortfall(root, _info):
        record = latest_refund(root)
        moving = root.refunded_amount if root.refunded_amount is not None else None
        if moving is None and record is not None and record.status != RefundStatus.FAILED:
            moving = record.amount  # requested or being made: what will move at most
        if moving is None or root.refund_amount is None:
            return None
        shortfall = root.refund_amount - moving
        return shortfall if shortfall > 0 else None

    @staticmethod
    def resolve_refund_status(root, _info):
        record = latest_refund(root)
        return record.status if record else None

    @staticmethod
    def resolve_refund_error(root, _info):
        record = latest_refund(root)
        return (record.error or None) if record else None

    @staticmethod
    def resolve_refund_reference(root, _info):
        record = latest_refund(root)
        return (record.saleor_reference or None) if record else None

    @staticmethod
    def resolve_refund_attempts(root, _info):
        record = latest_refund(root)
        return record.attempts if record else 0

    @staticmethod
    def resolve_saleor_fulfillment_id(root, _info):
        return (
            global_id("Fulfillment", root.saleor_fulfillment_id)
            if root.saleor_fulfillment_id
            else None
        )

    @staticmethod
    def resolve_gift_card_id(root, _info):
        return global_id("GiftCard", root.gift_card_id) if root.gift_card_id else None


class ReturnConnection(graphene.relay.Connection):
    class Meta:
        node = ReturnType
        description = "A page of returns."


# Read off the index `stp_return_newest_idx`.
NEWEST_FIRST = (SortKey("created_at", DATETIME, descending=True), SortKey("pk", INTEGER, True))


class OrderReturnEligibility(graphene.ObjectType):
    order_id = graphene.ID(required=True, description="Saleor global ID of the order.")
    number = graphene.String(required=True, description="The order number.")
    lines = graphene.List(graphene.NonNull(ReturnEligibilityLine), required=True)
    returns = graphene.List(
        graphene.NonNull(ReturnType), required=True, description="Returns of this order."
    )


class ReturnFilterInput(graphene.InputObjectType):
    status = graphene.List(graphene.NonNull(ReturnStatusEnum), description="Any of these.")
    reason = graphene.List(graphene.NonNull(ReturnReasonEnum), description="Any of these.")
    overdue = graphene.Boolean(description="Only requests waiting too long for a decision.")
    older_than_hours = graphene.Int(description="Requested more than this many hours ago.")
    newer_than_hours = graphene.Int(description="Requested less than this many hours ago.")
    order_id = graphene.ID(description="Returns of one order.")


def _order_locator_arguments() -> dict:
    return {
        "id": graphene.ID(description="Order ID, for its logged-in owner or staff."),
        "number": graphene.String(description="Order number, for guests (with `email`)."),
        "email": graphene.String(description="The order's email, for guests (with `number`)."),
    }


class ReturnQueries(graphene.ObjectType):
    return_policy = requires(
        Access.PUBLIC,
        graphene.Field(
            graphene.NonNull(ReturnPolicyType),
            language=LanguageEnum(description="Language of the labels; English by default."),
            description="The shop's return policy. Public.",
        ),
    )
    return_eligibility = requires(
        Access.ORDER_HOLDER,
        graphene.Field(
            OrderReturnEligibility,
            **_order_locator_arguments(),
            description=(
                "What of an order can be returned, and its returns: by `id` for its owner or "
                "staff, or by `number` and `email` for guests (as `orderTracking`)."
            ),
        ),
    )
    returns = requires(
        Access.MANAGE_ORDERS,
        graphene.Field(
            ReturnConnection,
            required=True,
            filter=ReturnFilterInput(description="Filters."),
            **connection_arguments(MAX_PAGE_SIZE),
            description=(
                "Returns, newest first, in pages (Relay cursors: `first`/`after` or "
                "`last`/`before`). Requires MANAGE_ORDERS."
            ),
        ),
    )

    @staticmethod
    def resolve_return_policy(_root, _info, language=None):
        with translation.override(language or "en"):
            return _policy_view(load_settings().typed(from_settings))

    @staticmethod
    def resolve_return_eligibility(_root, info, id=None, number=None, email=None):
        order = find_order(info.context, info.context.requestor, id, number, email)
        policy = load_settings().typed(from_settings)
        lines = []
        for line, rules in order_eligibility(order, policy, timezone.now()).values():
            lines.append(
                ReturnEligibilityLine(
                    order_line_id=global_id("OrderLine", line.pk),
                    product_name=line.product_name,
                    variant_name=line.variant_name,
                    sku=line.product_sku,
                    quantity=line.quantity,
                    returnable_quantity=rules.returnable_quantity,
                    deadline=rules.deadline,
                    not_returnable_reason=rules.refusal,
                )
            )
        return OrderReturnEligibility(
            order_id=global_id("Order", order.pk),
            number=str(order.number),
            lines=lines,
            returns=_with_lines_and_refunds(Return.objects.filter(order=order)),
        )

    @staticmethod
    def resolve_returns(_root, info, filter=None, **page):
        filter = filter or {}
        now = timezone.now()
        selected = selected_below(info, "edges", "node")
        returns = with_order_summary(Return.objects.all())
        if "returnShipment" in selected:
            returns = returns.select_related("return_shipment")
        if selected & REFUND_FIELDS:
            returns = returns.prefetch_related(Prefetch("refunds", to_attr=PAGE_REFUNDS))
        if filter.get("status"):
            returns = returns.filter(status__in=filter["status"])
        if filter.get("reason"):
            returns = returns.filter(reason__in=filter["reason"])
        if filter.get("older_than_hours") is not None:
            returns = returns.filter(
                created_at__lt=now - timedelta(hours=filter["older_than_hours"])
            )
        if filter.get("newer_than_hours") is not None:
            returns = returns.filter(
                created_at__gte=now - timedelta(hours=filter["newer_than_hours"])
            )
        if filter.get("order_id"):
            order_pk = uuid_pk(filter["order_id"], "Order")
            returns = returns.filter(order_id=order_pk) if order_pk else returns.none()
        if filter.get("overdue") is not None:
            hours = load_settings().typed(from_settings).decision_hours
            overdue = {
                "status": ReturnStatus.REQUESTED,
                "created_at__lt": now - timedelta(hours=hours),
            }
            returns = returns.filter(**overdue) if filter["overdue"] else returns.exclude(**overdue)
        found = paginate(returns, NEWEST_FIRST, MAX_PAGE_SIZE, **page)
        if "lines" in selected:
            attach_lines(found.rows)
        return connection(ReturnConnection, found)


def _with_lines_and_refunds(returns) -> list[Return]:
    """The returns with their orders, lines and refund records, in three queries."""
    found = list(
        returns.select_related("order").prefetch_related(Prefetch("refunds", to_attr=PAGE_REFUNDS))
    )
    attach_lines(found)
    return found
