"""Customer messages of delays, declared for the notification engine."""

from django.utils.translation import gettext_lazy as _

from ..notifications.catalog import Channel, MessageType

DELAY_DETECTED = "delay_detected"
DELAY_UPDATE = "delay_update"
DELAY_BROADCAST = "delay_broadcast"

# A carrier exception that a delay message explains (with choices) needs no separate
# milestone message when both are still waiting to go out.
_EXPLAINED_MILESTONES = ("delivery_exception",)

MESSAGE_TYPES = [
    MessageType(
        code=DELAY_DETECTED,
        label="Order delayed (apology and choices)",
        subject=_("We are sorry: your order {order_number} is late"),
        body=(
            _(
                "Dear {customer_name}, we are sorry: your order {order_number} is late. "
                "{delay_cause} We now expect to deliver it by {new_estimate}. You can cancel "
                "it for a refund, wait, or ask us to chase the carrier: {tracking_link}"
            ),
            _(
                "Dear {customer_name}, we are sorry: your order {order_number} is late. "
                "{delay_cause} You can cancel it for a refund, wait, or ask us to chase the "
                "carrier: {tracking_link}"
            ),
        ),
        default_channels=(Channel.EMAIL, Channel.SMS, Channel.WEBHOOK),
        whatsapp_parameters=("customer_name", "order_number", "tracking_link"),
        supersedes=_EXPLAINED_MILESTONES,
    ),
    MessageType(
        code=DELAY_UPDATE,
        label="Update on a delayed order (with the customer's consent)",
        subject=_("An update on your delayed order {order_number}"),
        body=(
            _(
                "Dear {customer_name}, an update on your delayed order {order_number}: "
                "{shipment_status}. Expected delivery: {new_estimate}. Follow it here: "
                "{tracking_link}"
            ),
            _(
                "Dear {customer_name}, an update on your delayed order {order_number}: "
                "{shipment_status}. Follow it here: {tracking_link}"
            ),
        ),
        default_channels=(Channel.EMAIL, Channel.SMS),
        whatsapp_parameters=("customer_name", "order_number", "shipment_status"),
    ),
    MessageType(
        code=DELAY_BROADCAST,
        label="Crisis message from staff (carrier strike, warehouse outage)",
        subject=_("News about your order {order_number}"),
        body=(
            _(
                "Dear {customer_name}, {broadcast_message} You can follow your order "
                "{order_number} here: {tracking_link}"
            ),
        ),
        default_channels=(Channel.EMAIL, Channel.SMS, Channel.WEBHOOK),
        whatsapp_parameters=("customer_name", "order_number", "broadcast_message"),
    ),
]
