"""Shipping milestone messages, declared like any capability's message types."""

from django.utils.translation import gettext_lazy as _

from .catalog import Channel, MessageType

SHIPPED = "shipped"
OUT_FOR_DELIVERY = "out_for_delivery"
AVAILABLE_FOR_PICKUP = "available_for_pickup"
DELIVERED = "delivered"
FAILED_ATTEMPT = "failed_attempt"
DELIVERY_EXCEPTION = "delivery_exception"

_SHIPPING_CHANNELS = (Channel.EMAIL, Channel.SMS, Channel.WHATSAPP, Channel.WEBHOOK)
# The parcel's carrier and estimated date as they are when the message is sent.
_SHIPMENT_NOW = "saleor_tracking_plugin.notifications.milestones.current_shipment_facts"

MESSAGE_TYPES = [
    MessageType(
        code=SHIPPED,
        label="Order shipped",
        subject=_("Your order {order_number} is on its way"),
        body=(
            _(
                "Dear {customer_name}, your order {order_number} has shipped with {carrier}; "
                "estimated delivery {estimated_date}."
            ),
            _("Dear {customer_name}, your order {order_number} has shipped with {carrier}."),
            _("Dear {customer_name}, your order {order_number} has shipped."),
        ),
        default_channels=_SHIPPING_CHANNELS,
        live_facts=_SHIPMENT_NOW,
        whatsapp_parameters=("customer_name", "order_number", "carrier", "estimated_date"),
    ),
    MessageType(
        code=OUT_FOR_DELIVERY,
        label="Out for delivery",
        subject=_("Your order {order_number} is out for delivery"),
        body=(
            _(
                "Dear {customer_name}, your order {order_number} is out for delivery with "
                "{carrier}."
            ),
            _("Dear {customer_name}, your order {order_number} is out for delivery."),
        ),
        default_channels=_SHIPPING_CHANNELS,
        live_facts=_SHIPMENT_NOW,
        whatsapp_parameters=("customer_name", "order_number", "carrier"),
        supersedes=(SHIPPED,),
    ),
    MessageType(
        code=AVAILABLE_FOR_PICKUP,
        label="Available for pickup",
        subject=_("Your order {order_number} is ready for pickup"),
        body=(
            _(
                "Dear {customer_name}, your order {order_number} is ready for pickup at "
                "{pickup_location}."
            ),
            _("Dear {customer_name}, your order {order_number} is ready for pickup at {carrier}."),
            _("Dear {customer_name}, your order {order_number} is ready for pickup."),
        ),
        default_channels=_SHIPPING_CHANNELS,
        live_facts=_SHIPMENT_NOW,
        whatsapp_parameters=("customer_name", "order_number", "pickup_location"),
        supersedes=(SHIPPED, OUT_FOR_DELIVERY),
    ),
    MessageType(
        code=DELIVERED,
        label="Delivered",
        subject=_("Your order {order_number} has been delivered"),
        body=(
            _(
                "Dear {customer_name}, your order {order_number} has been delivered. "
                "Thank you for shopping with us."
            ),
        ),
        default_channels=(Channel.EMAIL, Channel.WEBHOOK),
        live_facts=_SHIPMENT_NOW,
        supersedes=(SHIPPED, OUT_FOR_DELIVERY, AVAILABLE_FOR_PICKUP, FAILED_ATTEMPT),
    ),
    MessageType(
        code=FAILED_ATTEMPT,
        label="Delivery attempt failed",
        subject=_("We could not deliver your order {order_number}"),
        body=(
            _(
                "Dear {customer_name}, {carrier} could not deliver your order {order_number}: "
                "{detail}."
            ),
            _("Dear {customer_name}, {carrier} could not deliver your order {order_number}."),
            _("Dear {customer_name}, your order {order_number} could not be delivered."),
        ),
        default_channels=_SHIPPING_CHANNELS,
        live_facts=_SHIPMENT_NOW,
        whatsapp_parameters=("customer_name", "order_number", "carrier"),
        supersedes=(SHIPPED, OUT_FOR_DELIVERY),
    ),
    MessageType(
        code=DELIVERY_EXCEPTION,
        label="Delivery problem",
        subject=_("A problem with the delivery of your order {order_number}"),
        body=(
            _(
                "Dear {customer_name}, there is a problem with the delivery of your order "
                "{order_number}: {detail}. We are following it up with {carrier}."
            ),
            _(
                "Dear {customer_name}, there is a problem with the delivery of your order "
                "{order_number}. We are following it up with {carrier}."
            ),
            _(
                "Dear {customer_name}, there is a problem with the delivery of your order "
                "{order_number}. We are following it up."
            ),
        ),
        default_channels=_SHIPPING_CHANNELS,
        live_facts=_SHIPMENT_NOW,
        whatsapp_parameters=("customer_name", "order_number", "carrier"),
    ),
]
