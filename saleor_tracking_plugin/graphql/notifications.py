"""GraphQL of notifications: the staff-only message history of an order, and the logged-in
customer's message preferences."""

import graphene

from ..notifications.catalog import Category, Channel
from ..notifications.consent import (
    customer_addresses,
    preferences_of,
    set_preference,
    subscribed_by_default,
)
from ..notifications.models import MessageStatus, OutboxMessage
from ..saleor_glue.order_lookups import order_exists
from .core import (
    MutationError,
    NotFound,
    PermissionDenied,
    global_id,
    mutation_error,
    uuid_pk,
)
from .order_access import NOT_FOUND_MESSAGE
from .permissions import Access, requires

MessageChannelEnum = graphene.Enum(
    "MessageChannel",
    [(channel.name, channel.value) for channel in Channel],
    description="Channel of a message.",
)
MessageCategoryEnum = graphene.Enum(
    "MessageCategory",
    [(category.name, category.value) for category in Category],
    description="Transactional (about an order) or marketing.",
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
    order_messages = requires(
        Access.MANAGE_ORDERS,
        graphene.List(
            graphene.NonNull(OrderMessage),
            required=True,
            order_id=graphene.ID(required=True, description="Global ID of the Saleor order."),
            description=(
                "Every message queued for an order's customer, oldest first. "
                "Requires MANAGE_ORDERS."
            ),
        ),
    )

    @staticmethod
    def resolve_order_messages(_root, info, order_id):
        pk = uuid_pk(order_id, "Order")
        if pk is None:
            raise NotFound(NOT_FOUND_MESSAGE)
        messages = list(OutboxMessage.objects.filter(order_id=pk).order_by("created_at", "pk"))
        if not messages and not order_exists(pk):
            raise NotFound(NOT_FOUND_MESSAGE)
        return messages


CUSTOMER_CHANNELS = (Channel.EMAIL, Channel.SMS, Channel.WHATSAPP)


class MessagePreference(graphene.ObjectType):
    """Whether the customer receives one category of messages on one channel at one address."""

    channel = MessageChannelEnum(required=True, description="Email, SMS or WhatsApp.")
    category = MessageCategoryEnum(required=True, description="Order updates or marketing.")
    address = graphene.String(required=True, description="The email address or phone number.")
    subscribed = graphene.Boolean(
        required=True, description="True when these messages are sent to this address."
    )


def _preferences(user) -> list[MessagePreference]:
    addresses = {channel: customer_addresses(user, channel) for channel in CUSTOMER_CHANNELS}
    saved = preferences_of([address for found in addresses.values() for address in found])
    return [
        MessagePreference(
            channel=channel,
            category=category,
            address=address,
            subscribed=saved.get((address, channel, category), subscribed_by_default(category)),
        )
        for channel in CUSTOMER_CHANNELS
        for address in addresses[channel]
        for category in Category
    ]


def _logged_in_customer(info):
    user = info.context.requestor.user
    if user is None:
        raise PermissionDenied("Log in to see or change your message preferences.")
    return user


class MessagePreferenceQueries(graphene.ObjectType):
    """The logged-in customer's own message preferences."""

    my_message_preferences = requires(
        Access.CUSTOMER,
        graphene.List(
            graphene.NonNull(MessagePreference),
            required=True,
            description=(
                "The logged-in customer's choices per channel, address and category, defaults "
                "included (order updates on, marketing off)."
            ),
        ),
    )

    @staticmethod
    def resolve_my_message_preferences(_root, info):
        return _preferences(_logged_in_customer(info))


class MessagePreferenceUpdate(graphene.Mutation):
    """The logged-in customer turns one category of messages on one channel on or off, for
    all their addresses on that channel (their email, or the phones in their address book)."""

    class Arguments:
        channel = MessageChannelEnum(required=True, description="Email, SMS or WhatsApp.")
        category = MessageCategoryEnum(required=True, description="Order updates or marketing.")
        subscribed = graphene.Boolean(required=True, description="Receive these messages.")

    preferences = graphene.List(
        graphene.NonNull(MessagePreference), description="All the customer's choices after it."
    )
    errors = graphene.List(graphene.NonNull(MutationError), required=True)

    @staticmethod
    def mutate(_root, info, channel, category, subscribed):
        user = _logged_in_customer(info)
        channel, category = Channel(channel), Category(category)
        addresses = customer_addresses(user, channel)
        if channel not in CUSTOMER_CHANNELS or not addresses:
            error = mutation_error(
                "NO_ADDRESS", f"Your account has no address for {channel.value}.", "channel"
            )
            return MessagePreferenceUpdate(preferences=None, errors=[error])
        for address in addresses:
            set_preference(address, channel, category, subscribed, source="storefront")
        return MessagePreferenceUpdate(preferences=_preferences(user), errors=[])


class NotificationMutations(graphene.ObjectType):
    message_preference_update = requires(
        Access.CUSTOMER,
        MessagePreferenceUpdate.Field(
            description="Turn a category of messages on one channel on or off (logged-in customer)."
        ),
    )
