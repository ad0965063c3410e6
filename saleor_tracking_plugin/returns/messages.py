"""Customer messages of every return step, sent through the notification engine."""

from django.utils.translation import gettext_lazy as _

from ..notifications.catalog import Channel, MessageType
from .statuses import ReturnStatus

RETURN_REQUESTED = "return_requested"
RETURN_PARCEL_IN_TRANSIT = "return_parcel_in_transit"
RETURN_APPROVED = "return_approved"
RETURN_REJECTED = "return_rejected"
RETURN_RECEIVED = "return_received"
RETURN_INSPECTED = "return_inspected"
RETURN_REFUNDED = "return_refunded"
RETURN_CREDITED = "return_credited"

# The message of each step; other steps (cancelled, shipped back) need none.
MESSAGE_OF_STATUS = {
    ReturnStatus.REQUESTED: RETURN_REQUESTED,
    ReturnStatus.APPROVED: RETURN_APPROVED,
    ReturnStatus.REJECTED: RETURN_REJECTED,
    ReturnStatus.RECEIVED: RETURN_RECEIVED,
    ReturnStatus.INSPECTED: RETURN_INSPECTED,
    ReturnStatus.REFUNDED: RETURN_REFUNDED,
    ReturnStatus.CREDITED: RETURN_CREDITED,
}

_CHANNELS = (Channel.EMAIL, Channel.SMS, Channel.WHATSAPP, Channel.WEBHOOK)

MESSAGE_TYPES = [
    MessageType(
        code=RETURN_REQUESTED,
        label="Return requested",
        subject=_("We received your return request {return_code}"),
        body=(
            # Approved at once: this one message says both (no `return_approved` follows).
            _(
                "Dear {customer_name}, we received your return request "
                "{approved_return_code} for order {order_number} and approved it. Your QR code "
                "and how to send the parcel: {return_link}"
            ),
            _(
                "Dear {customer_name}, we received your return request {return_code} for "
                "order {order_number}. We will answer within 48 hours. Follow it here: "
                "{return_link}"
            ),
        ),
        default_channels=(Channel.EMAIL, Channel.WEBHOOK),
        whatsapp_parameters=("customer_name", "return_code", "order_number"),
    ),
    MessageType(
        code=RETURN_APPROVED,
        label="Return approved",
        subject=_("Your return {return_code} is approved"),
        body=(
            _(
                "Dear {customer_name}, your return {return_code} for order {order_number} is "
                "approved. Your QR code and how to send the parcel: {return_link}"
            ),
        ),
        default_channels=_CHANNELS,
        whatsapp_parameters=("customer_name", "return_code", "order_number"),
        supersedes=(RETURN_REQUESTED,),
    ),
    MessageType(
        code=RETURN_REJECTED,
        label="Return rejected",
        subject=_("About your return request {return_code}"),
        body=(
            _(
                "Dear {customer_name}, we are sorry: we cannot accept your return "
                "{return_code} for order {order_number}. Reason: {rejection_reason}"
            ),
        ),
        default_channels=_CHANNELS,
        whatsapp_parameters=("customer_name", "return_code", "rejection_reason"),
        supersedes=(RETURN_REQUESTED,),
    ),
    MessageType(
        code=RETURN_PARCEL_IN_TRANSIT,
        label="Return parcel on its way back",
        subject=_("Your return parcel {return_code} is on its way to us"),
        body=(
            _(
                "Dear {customer_name}, the carrier has picked up your return parcel "
                "{return_code} and it is on its way to us. We will let you know when it "
                "arrives. Follow it here: {return_link}"
            ),
        ),
        default_channels=(Channel.EMAIL, Channel.WEBHOOK),
        whatsapp_parameters=("customer_name", "return_code"),
    ),
    MessageType(
        code=RETURN_RECEIVED,
        label="Return received",
        subject=_("Your returned parcel {return_code} has arrived"),
        body=(
            _(
                "Dear {customer_name}, your returned parcel {return_code} has arrived. We are "
                "inspecting the items and will refund you quickly."
            ),
        ),
        default_channels=(Channel.EMAIL, Channel.WEBHOOK),
        whatsapp_parameters=("customer_name", "return_code"),
    ),
    MessageType(
        code=RETURN_INSPECTED,
        label="Return inspected",
        subject=_("Your return {return_code} has been inspected"),
        body=(
            _(
                "Dear {customer_name}, we inspected the items of your return {return_code}: "
                "you will receive {store_credit_amount} of store credit."
            ),
            _(
                "Dear {customer_name}, we inspected the items of your return {return_code}: "
                "{refund_amount} will be refunded to you."
            ),
        ),
        default_channels=(Channel.EMAIL, Channel.WEBHOOK),
        whatsapp_parameters=("customer_name", "return_code", "refund_amount"),
    ),
    MessageType(
        code=RETURN_REFUNDED,
        label="Return refunded",
        subject=_("Your refund for return {return_code}"),
        body=(
            _(
                "Dear {customer_name}, we refunded {refund_amount} for your return "
                "{return_code} to your original payment method. Depending on your bank it may "
                "take a few days to appear."
            ),
        ),
        default_channels=_CHANNELS,
        whatsapp_parameters=("customer_name", "refund_amount", "return_code"),
        supersedes=(RETURN_INSPECTED,),
    ),
    MessageType(
        code=RETURN_CREDITED,
        label="Return credited as store credit",
        subject=_("Your store credit for return {return_code}"),
        body=(
            _(
                "Dear {customer_name}, we issued {refund_amount} of store credit as a gift card "
                "for your return {return_code}. Its code comes in a separate email."
            ),
        ),
        default_channels=_CHANNELS,
        whatsapp_parameters=("customer_name", "refund_amount", "return_code"),
        supersedes=(RETURN_INSPECTED,),
    ),
]
