"""GraphQL of crisis broadcasts for staff: preview who a message reaches, prepare it, send it
(in Celery, chunk by chunk) and follow its progress."""

import graphene

from ..carriers.registry import get_carrier
from ..delays import broadcasts, selection
from ..delays.actions import DelayActionError
from ..delays.models import BroadcastStatus, DelayBroadcast
from ..notifications.facts import customer_name
from .core import MutationError, global_id, int_pk, mutation_error
from .permissions import Access, requires

DelayBroadcastStatusEnum = graphene.Enum(
    "DelayBroadcastStatus",
    [(choice.name, choice.value) for choice in BroadcastStatus],
    description=(
        "Where a crisis broadcast stands: DRAFT (prepared), SENDING (its messages are being "
        "queued in the background), SENT (every customer was queued or skipped)."
    ),
)


class BroadcastFilterInput(graphene.InputObjectType):
    carrier_codes = graphene.List(
        graphene.NonNull(graphene.String), description='Carrier codes, e.g. ["yurtici"].'
    )
    country = graphene.String(description="Shipping country code, e.g. TR.")
    country_area = graphene.String(description="Shipping address's country area (province).")
    city = graphene.String(description="Shipping address's city.")
    shipped_from = graphene.Date(description="Parcels shipped on or after this day.")
    shipped_to = graphene.Date(description="Parcels shipped on or before this day.")


def _criteria(data: dict) -> selection.BroadcastFilter:
    return selection.BroadcastFilter(
        carrier_codes=tuple(
            carrier.code if (carrier := get_carrier(code)) else code
            for code in data.get("carrier_codes") or []
        ),
        country=data.get("country") or "",
        country_area=data.get("country_area") or "",
        city=data.get("city") or "",
        shipped_from=data.get("shipped_from"),
        shipped_to=data.get("shipped_to"),
    )


class BroadcastRecipientPreview(graphene.ObjectType):
    order_id = graphene.ID(required=True, description="Saleor global ID of the order.")
    order_number = graphene.String(required=True, description="The order number.")
    customer_name = graphene.String(required=True, description="Name on the order.")
    email = graphene.String(required=True, description="Where the message goes.")
    carrier_code = graphene.String(required=True, description="The parcel's carrier.")
    tracking_number = graphene.String(required=True, description="The parcel's number.")
    city = graphene.String(required=True, description="Shipping address's city.")


def _recipient_preview(recipient: selection.Recipient) -> BroadcastRecipientPreview:
    order = recipient.shipment.order
    return BroadcastRecipientPreview(
        order_id=global_id("Order", order.pk),
        order_number=str(order.number),
        customer_name=customer_name(order),
        email=recipient.email,
        carrier_code=recipient.shipment.carrier_code,
        tracking_number=recipient.shipment.tracking_number,
        city=order.shipping_address.city if order.shipping_address else "",
    )


class BroadcastPreview(graphene.ObjectType):
    count = graphene.Int(required=True, description="How many customers would receive it.")
    recipients = graphene.List(
        graphene.NonNull(BroadcastRecipientPreview),
        required=True,
        description="Each customer once, with their latest affected parcel.",
    )


class Broadcast(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global ID of the broadcast.")
    message = graphene.String(required=True, description="The text staff wrote.")
    status = DelayBroadcastStatusEnum(required=True, description="Where the sending stands.")
    recipient_count = graphene.Int(required=True, description="Customers it goes to.")
    queued_count = graphene.Int(
        required=True, description="Customers whose message was queued so far."
    )
    skipped_count = graphene.Int(
        required=True,
        description=(
            "Customers skipped so far: opted out of such messages, or no address on any "
            "enabled channel."
        ),
    )
    created_at = graphene.DateTime(required=True, description="When it was prepared.")
    sending_started_at = graphene.DateTime(
        description="When staff asked to send it; null while a draft."
    )
    sent_at = graphene.DateTime(
        description="When every customer was queued or skipped; null until then."
    )

    class Meta:
        name = "DelayBroadcast"

    @staticmethod
    def resolve_id(root: DelayBroadcast, _info):
        return global_id("DelayBroadcast", root.pk)

    @staticmethod
    def resolve_recipient_count(root: DelayBroadcast, _info):
        return _progress(root).recipients

    @staticmethod
    def resolve_queued_count(root: DelayBroadcast, _info):
        return _progress(root).queued

    @staticmethod
    def resolve_skipped_count(root: DelayBroadcast, _info):
        return _progress(root).skipped


def _progress(broadcast: DelayBroadcast) -> broadcasts.Progress:
    # The three counts come from one query, made once per broadcast object.
    if not hasattr(broadcast, "_progress"):
        broadcast._progress = broadcasts.progress(broadcast)  # type: ignore[attr-defined]
    return broadcast._progress  # type: ignore[attr-defined]


class BroadcastQueries(graphene.ObjectType):
    delay_broadcast_preview = requires(
        Access.MANAGE_ORDERS,
        graphene.Field(
            BroadcastPreview,
            required=True,
            filter=BroadcastFilterInput(required=True, description="Which parcels are affected."),
            description=(
                "Who a crisis message would reach: customers of parcels still on their way that "
                "match the filter, each once. Requires MANAGE_ORDERS."
            ),
        ),
    )
    delay_broadcast = requires(
        Access.MANAGE_ORDERS,
        graphene.Field(
            Broadcast,
            id=graphene.ID(required=True, description="Global ID of the broadcast."),
            description=(
                "One crisis broadcast, to follow its sending: status and counts so far. "
                "Requires MANAGE_ORDERS."
            ),
        ),
    )

    @staticmethod
    def resolve_delay_broadcast_preview(_root, info, filter):
        chosen = selection.recipients(_criteria(filter))
        return BroadcastPreview(
            count=len(chosen), recipients=[_recipient_preview(r) for r in chosen]
        )

    @staticmethod
    def resolve_delay_broadcast(_root, info, id):
        pk = int_pk(id, "DelayBroadcast")
        return DelayBroadcast.objects.filter(pk=pk).first() if pk else None


class DelayBroadcastCreate(graphene.Mutation):
    """Prepare a crisis message and freeze who receives it; send it with delayBroadcastSend."""

    class Arguments:
        filter = BroadcastFilterInput(required=True, description="Which parcels are affected.")
        message = graphene.String(required=True, description="The message, in your words.")

    broadcast = graphene.Field(Broadcast, description="The prepared broadcast.")
    errors = graphene.List(graphene.NonNull(MutationError), required=True)

    @staticmethod
    def mutate(_root, info, filter, message):
        requestor = info.context.requestor
        try:
            broadcast = broadcasts.create_broadcast(
                _criteria(filter), message, user=requestor.user, app=requestor.app
            )
        except DelayActionError as error:
            field = "message" if error.code == "INVALID" or "message" in str(error) else "filter"
            return DelayBroadcastCreate(errors=[mutation_error(error.code, str(error), field)])
        return DelayBroadcastCreate(broadcast=broadcast, errors=[])


class DelayBroadcastSend(graphene.Mutation):
    """Start sending a prepared crisis message: each of its customers gets it once, ever.

    Returns at once with the broadcast SENDING; its messages are queued in the background
    (follow `delayBroadcast(id)`: status, queuedCount, skippedCount, sentAt)."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the prepared broadcast.")

    broadcast = graphene.Field(Broadcast, description="The broadcast, now SENDING.")
    queued = graphene.Int(
        description="Customers a message was queued for when the mutation returned.",
        deprecation_reason=(
            "Messages are queued in the background after the mutation returns, so this is no "
            "final count: follow `broadcast { status queuedCount skippedCount }`."
        ),
    )
    errors = graphene.List(graphene.NonNull(MutationError), required=True)

    @staticmethod
    def mutate(_root, info, id):
        pk = int_pk(id, "DelayBroadcast")
        if not (pk and DelayBroadcast.objects.filter(pk=pk).exists()):
            return DelayBroadcastSend(
                errors=[mutation_error("NOT_FOUND", "Broadcast not found.", "id")]
            )
        try:
            broadcast = broadcasts.start_sending(pk)
        except DelayActionError as error:
            return DelayBroadcastSend(errors=[mutation_error(error.code, str(error), "id")])
        return DelayBroadcastSend(
            broadcast=broadcast, queued=_progress(broadcast).queued, errors=[]
        )


class BroadcastMutations(graphene.ObjectType):
    delay_broadcast_create = requires(
        Access.MANAGE_ORDERS,
        DelayBroadcastCreate.Field(
            description="Prepare a crisis message to affected customers. Requires MANAGE_ORDERS."
        ),
    )
    delay_broadcast_send = requires(
        Access.MANAGE_ORDERS,
        DelayBroadcastSend.Field(
            description=(
                "Start sending a prepared crisis message, once; it is sent in the background. "
                "Requires MANAGE_ORDERS."
            )
        ),
    )
