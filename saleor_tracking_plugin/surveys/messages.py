"""Customer messages of surveys and complaints, declared for the notification engine."""

from django.utils.translation import gettext_lazy as _

from ..notifications.catalog import Channel, MessageType

SURVEY_REQUEST = "survey_request"
SURVEY_THANKS = "survey_thanks"
COMPLAINT_REPLY = "complaint_reply"

MESSAGE_TYPES = [
    MessageType(
        code=SURVEY_REQUEST,
        label="Satisfaction survey after delivery",
        subject=_("How was your order {order_number}?"),
        body=(
            _(
                "Dear {customer_name}, your order {order_number} has arrived. How happy are "
                "you with it? Tap a score from 1 to 5: {survey_link}"
            ),
        ),
        default_channels=(Channel.EMAIL,),
        whatsapp_parameters=("customer_name", "order_number", "survey_link"),
    ),
    MessageType(
        code=SURVEY_THANKS,
        label="Thank you for your rating",
        subject=_("Thank you for rating your order {order_number}"),
        body=(
            _(
                "Dear {customer_name}, thank you for your feedback on order {order_number}. "
                "As a thank-you, here is your personal code {coupon_code}, valid until "
                "{coupon_expires}: {thanks_link}"
            ),
            _(
                "Dear {customer_name}, thank you for your feedback on order {order_number}. "
                "It helps us get better: {thanks_link}"
            ),
        ),
        default_channels=(Channel.EMAIL,),
        whatsapp_parameters=("customer_name", "order_number", "thanks_link"),
    ),
    MessageType(
        code=COMPLAINT_REPLY,
        label="Our answer to a complaint",
        subject=_("Our answer about your order {order_number}"),
        body=(
            _(
                "Dear {customer_name}, about your order {order_number}: {reply} You can "
                "answer us here: {complaint_link}"
            ),
        ),
        default_channels=(Channel.EMAIL,),
        whatsapp_parameters=("customer_name", "order_number", "complaint_link"),
    ),
]
