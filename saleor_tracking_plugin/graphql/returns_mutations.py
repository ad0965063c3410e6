"""Return mutations: customers request, cancel and ship; staff decide, receive, inspect, refund.

Refusals come back as typed `errors { field code message }` and change nothing.
"""

import graphene

from ..returns import actions, refunding
from ..returns.errors import ReturnError
from ..returns.models import Return
from ..saleor_glue.auth import Requestor
from .core import MutationError, NotFound, RefundSettleAction, int_pk, mutation_error, uuid_pk
from .order_access import find_order
from .permissions import Access, requires
from .return_enums import InspectionOutcomeEnum, ResolutionEnum, ReturnReasonEnum
from .returns import ReturnType

RETURN_NOT_FOUND = "Return not found."


class ReturnLineInput(graphene.InputObjectType):
    order_line_id = graphene.ID(required=True, description="Saleor global ID of the line.")
    quantity = graphene.Int(required=True, description="How many items to return.")


class RequestReturnInput(graphene.InputObjectType):
    lines = graphene.List(
        graphene.NonNull(ReturnLineInput), required=True, description="Items to return."
    )
    reason = ReturnReasonEnum(required=True, description="Why.")
    comment = graphene.String(description="Anything the shop should know.")
    resolution = ResolutionEnum(required=True, description="Refund or store credit.")


class ReturnInspectionOutcomeInput(graphene.InputObjectType):
    outcome = InspectionOutcomeEnum(required=True, description="What inspection found.")
    quantity = graphene.Int(required=True, description="How many items of the line.")


class ReturnInspectionLineInput(graphene.InputObjectType):
    line_id = graphene.ID(required=True, description="Global ID of the return line.")
    outcome = InspectionOutcomeEnum(
        description="What inspection found, for all items of the line (or use `outcomes`)."
    )
    outcomes = graphene.List(
        graphene.NonNull(ReturnInspectionOutcomeInput),
        description=(
            "Split the line's items by outcome (e.g. 1 RESELLABLE, 1 DAMAGED); the quantities "
            "add up to the line's."
        ),
    )


def _actor(requestor: Requestor) -> actions.Actor:
    return actions.Actor(user=requestor.user, app=requestor.app)


def _customer_return(info, return_id, id=None, number=None, email=None) -> Return:
    """A return of an order the caller may see (owner, staff, or guest with number+email)."""
    order = find_order(info.context, info.context.requestor, id, number, email)
    pk = int_pk(return_id, "Return")
    ret = Return.objects.filter(pk=pk, order=order).select_related("order").first() if pk else None
    if ret is None:
        raise NotFound(RETURN_NOT_FOUND)
    return ret


def _staff_return(info, return_id) -> Return:
    pk = int_pk(return_id, "Return")
    ret = Return.objects.filter(pk=pk).select_related("order").first() if pk else None
    if ret is None:
        raise NotFound(RETURN_NOT_FOUND)
    return ret


class ReturnPayload(graphene.ObjectType):
    return_request = graphene.Field(ReturnType, name="return", description="The return.")
    errors = graphene.List(graphene.NonNull(MutationError), required=True)


def _run(step) -> ReturnPayload:
    try:
        ret = step()
    except ReturnError as error:
        return ReturnPayload(
            return_request=None, errors=[mutation_error(error.code, error.message, error.field)]
        )
    ret = Return.objects.select_related("order").get(pk=ret.pk)
    return ReturnPayload(return_request=ret, errors=[])


class RequestReturn(graphene.Mutation):
    """Start a return of items of an order (owner, staff, or guest with number and email)."""

    class Arguments:
        input = RequestReturnInput(required=True, description="What to return and why.")
        id = graphene.ID(description="Order ID, for its logged-in owner or staff.")
        number = graphene.String(description="Order number, for guests (with `email`).")
        email = graphene.String(description="The order's email, for guests (with `number`).")

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, input, id=None, number=None, email=None):
        requestor = info.context.requestor
        order = find_order(info.context, requestor, id, number, email)
        lines = []
        for line in input["lines"]:
            line_pk = uuid_pk(line["order_line_id"], "OrderLine")
            if line_pk is None:
                return ReturnPayload(
                    errors=[mutation_error("LINE_NOT_IN_ORDER", "Unknown order line.", "lines")]
                )
            lines.append((line_pk, line["quantity"]))
        return _run(
            lambda: actions.request_return(
                order,
                lines,
                reason=input["reason"],
                resolution=input["resolution"],
                comment=input.get("comment") or "",
                actor=_actor(requestor),
            )
        )


class CancelReturn(graphene.Mutation):
    """Withdraw a return request, as long as the parcel has not been sent."""

    class Arguments:
        return_id = graphene.ID(required=True, description="Global ID of the return.")
        id = graphene.ID(description="Order ID, for its logged-in owner or staff.")
        number = graphene.String(description="Order number, for guests (with `email`).")
        email = graphene.String(description="The order's email, for guests (with `number`).")

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, return_id, id=None, number=None, email=None):
        ret = _customer_return(info, return_id, id, number, email)
        return _run(lambda: actions.cancel_return(ret, _actor(info.context.requestor)))


class ReturnTrackingNumberSet(graphene.Mutation):
    """Enter the tracking number of the return parcel; it is then tracked like any shipment."""

    class Arguments:
        return_id = graphene.ID(required=True, description="Global ID of the return.")
        tracking_number = graphene.String(required=True, description="The parcel's number.")
        carrier = graphene.String(description="Carrier code or name; detected if omitted.")
        id = graphene.ID(description="Order ID, for its logged-in owner or staff.")
        number = graphene.String(description="Order number, for guests (with `email`).")
        email = graphene.String(description="The order's email, for guests (with `number`).")

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, return_id, tracking_number, carrier=None, **order):
        ret = _customer_return(info, return_id, **order)
        return _run(
            lambda: actions.set_return_tracking(
                ret, tracking_number, carrier, _actor(info.context.requestor)
            )
        )


class ReturnApprove(graphene.Mutation):
    """Approve a return request. Requires MANAGE_ORDERS."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the return.")
        note = graphene.String(description="A note for the customer.")

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, id, note=""):
        ret = _staff_return(info, id)
        return _run(lambda: actions.approve_return(ret, _actor(info.context.requestor), note))


class ReturnReject(graphene.Mutation):
    """Reject a return request with a reason the customer is told. Requires MANAGE_ORDERS."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the return.")
        reason = graphene.String(required=True, description="Why, in words for the customer.")

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, id, reason):
        ret = _staff_return(info, id)
        return _run(lambda: actions.reject_return(ret, _actor(info.context.requestor), reason))


class ReturnMarkReceived(graphene.Mutation):
    """The return parcel arrived. Requires MANAGE_ORDERS."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the return.")

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, id):
        ret = _staff_return(info, id)
        return _run(lambda: actions.mark_received(ret, _actor(info.context.requestor)))


class ReturnInspect(graphene.Mutation):
    """Record each line's state; Saleor gets its returned fulfillment, and only resellable
    items go back into stock. Requires MANAGE_ORDERS."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the return.")
        lines = graphene.List(
            graphene.NonNull(ReturnInspectionLineInput),
            required=True,
            description="One outcome for every line of the return.",
        )

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, id, lines):
        ret = _staff_return(info, id)
        outcomes = {}
        for line in lines:
            pk = int_pk(line["line_id"], "ReturnLine")
            if pk is None:
                return ReturnPayload(
                    errors=[mutation_error("LINES_MISMATCH", "Unknown return line.", "lines")]
                )
            split = line.get("outcomes")
            if (line.get("outcome") is None) == (not split):
                return ReturnPayload(
                    errors=[
                        mutation_error(
                            "INVALID", "Give each line either `outcome` or `outcomes`.", "lines"
                        )
                    ]
                )
            outcomes[pk] = line["outcome"] if not split else _split(split)
        return _run(lambda: actions.inspect_return(ret, outcomes, _actor(info.context.requestor)))


def _split(entries) -> dict[str, int]:
    split: dict[str, int] = {}
    for entry in entries:
        split[entry["outcome"]] = split.get(entry["outcome"], 0) + entry["quantity"]
    return split


class ReturnRefund(graphene.Mutation):
    """Refund an inspected return through Saleor, or issue store credit, exactly once.
    Repeating the call never refunds twice. Requires MANAGE_ORDERS."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the return.")
        resolution = ResolutionEnum(description="Override the customer's choice.")

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, id, resolution=None):
        ret = _staff_return(info, id)
        actor = _actor(info.context.requestor)
        return _run(lambda: refunding.resolve_return(ret, actor, resolution).return_request)


class ReturnRefundSettle(graphene.Mutation):
    """Settle a refund that is stuck, failed or unknown: mark it done with a reference, or
    retry it. Written on the order's timeline. Requires MANAGE_ORDERS."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the return.")
        action = RefundSettleAction(required=True, description="What to do.")
        reference = graphene.String(
            description="For MARK_DONE: the refund's reference in the gateway or bank."
        )
        amount = graphene.Decimal(
            description="For MARK_DONE: the amount refunded, if less than owed."
        )

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, id, action, reference=None, amount=None):
        ret = _staff_return(info, id)
        actor = _actor(info.context.requestor)
        if action == "mark_done":
            return _run(lambda: refunding.mark_refund_done(ret, actor, reference or "", amount))
        return _run(lambda: refunding.retry_refund(ret, actor))


class ReturnClose(graphene.Mutation):
    """Close, without refund, a return whose items all went missing (parcel lost on its way
    back, or nothing found in it), with the reason. Requires MANAGE_ORDERS."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the return.")
        reason = graphene.String(required=True, description="Why it is closed.")

    Output = ReturnPayload

    @staticmethod
    def mutate(_root, info, id, reason):
        ret = _staff_return(info, id)
        return _run(lambda: refunding.close_return(ret, _actor(info.context.requestor), reason))


class ReturnMutations(graphene.ObjectType):
    request_return = requires(
        Access.ORDER_HOLDER,
        RequestReturn.Field(description=RequestReturn.__doc__),
    )
    cancel_return = requires(
        Access.ORDER_HOLDER,
        CancelReturn.Field(description=CancelReturn.__doc__),
    )
    return_tracking_number_set = requires(
        Access.ORDER_HOLDER,
        ReturnTrackingNumberSet.Field(description=ReturnTrackingNumberSet.__doc__),
    )
    return_approve = requires(
        Access.MANAGE_ORDERS,
        ReturnApprove.Field(description=ReturnApprove.__doc__),
    )
    return_reject = requires(
        Access.MANAGE_ORDERS,
        ReturnReject.Field(description=ReturnReject.__doc__),
    )
    return_mark_received = requires(
        Access.MANAGE_ORDERS,
        ReturnMarkReceived.Field(description=ReturnMarkReceived.__doc__),
    )
    return_inspect = requires(
        Access.MANAGE_ORDERS,
        ReturnInspect.Field(description=ReturnInspect.__doc__),
    )
    return_refund = requires(
        Access.MANAGE_ORDERS,
        ReturnRefund.Field(description=ReturnRefund.__doc__),
    )
    return_refund_settle = requires(
        Access.MANAGE_ORDERS,
        ReturnRefundSettle.Field(description=ReturnRefundSettle.__doc__),
    )
    return_close = requires(
        Access.MANAGE_ORDERS,
        ReturnClose.Field(description=ReturnClose.__doc__),
    )
