"""GraphQL of notifications: the staff-only message history of an order."""

import uuid

import graphene
from saleor.order.models import Order

from ..notifications.catalog import Category, Channel
from ..notifications.models import MessageStatus, OutboxMessage
from .core import NotFound, PermissionDenied, global_id, pk_from_global_id
from .order_access import NOT_FOUND_MESSAGE

MessageChannelEnum = graphene.Enum.from_enum(Channel, description="Channel of a message.")
MessageCategoryEnum = graphene.Enum.from_enum(
    Category, description="Transactional (about an order) or marketing."
)
MessageStatusEnum = graphene.Enum(
    "OrderMessageStatus",
    [(choice.name, choice.value) for choice in MessageStatus],
    description="Where a message is: queued, sending, sent, failed or cancelled.",
)


class OrderMessage(graphene.ObjectType):
    """One message to the customer about the order, on one channel."""

    id = graphene.ID(required=True, description="Global ID of the message.")
    message_type = graphene.String(required=True, description="e.g. `shipped`, `delivered`.")
    channel = MessageChannelEnum(required=True, description="How it is sent.")
    category = MessageCategoryEnum(required=True, description="Transactional or marketing.")
    recipient = graphene.String(
        required=True, description="Email address, phone number or CRM URL."
    )
    language = graphene.String(required=True, description="Language of the text (tr, en).")
    subject = graphene.String(required=True, description="Subject (email) or title.")
    text = graphene.String(required=True, description="The plain text that was (or will be) sent.")
    status = MessageStatusEnum(required=True, description="Current delivery state.")
    attempts = graphene.Int(required=True, description="How many times sending was tried.")
    last_error = graphene.String(
        required=True, description="Why the last attempt failed or why it was cancelled."
    )
    provider = graphene.String(required=True, description="Provider that accepted it.")
    provider_message_id = graphene.String(
        required=True, description="The provider's ID of the message, for support requests."
    )
    created_at = graphene.DateTime(required=True, description="When it was queued.")
    scheduled_for = graphene.DateTime(
        required=True, description="Not sent before this time (quiet hours, retry back-off)."
    )
    sent_at = graphene.DateTime(description="When the provider accepted it.")

    @staticmethod
    def resolve_id(root: OutboxMessage, _info):
        return global_id("OrderMessage", root.pk)

    @staticmethod
    def resolve_text(root: OutboxMessage, _info):
        return root.body

    @staticmethod
    def resolve_scheduled_for(root: OutboxMessage, _info):
        return root.not_before


class NotificationQueries(graphene.ObjectType):
    order_messages = graphene.List(
        graphene.NonNull(OrderMessage),
        required=True,
        order_id=graphene.ID(required=True, description="Global ID of the Saleor order."),
        description=(
            "Every message queued for an order's customer, oldest first. Requires MANAGE_ORDERS."
        ),
    )

    @staticmethod
    def resolve_order_messages(_root, info, order_id):
        if not info.context.requestor.can_manage_orders:
            raise PermissionDenied()
        try:
            pk = uuid.UUID(pk_from_global_id(order_id, "Order") or "")
        except ValueError:
            raise NotFound(NOT_FOUND_MESSAGE) from None
        messages = list(OutboxMessage.objects.filter(order_id=pk).order_by("created_at", "pk"))
        if not messages and not Order.objects.filter(pk=pk).exists():
            raise NotFound(NOT_FOUND_MESSAGE)
        return messages
