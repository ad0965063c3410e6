"""USPS Tracking API v3 event wording karrio does not map, in our vocabulary."""

from ...tracking.statuses import ShipmentStatus as S
from ..karrio_adapter import KarrioStatusMap

STATUS_MAP = KarrioStatusMap(
    event_codes={
        "01": S.DELIVERED,  # Delivered
        "OF": S.OUT_FOR_DELIVERY,  # Out for Delivery
        "02": S.FAILED_ATTEMPT,  # Notice Left
        "53": S.AVAILABLE_FOR_PICKUP,  # Available for Pickup
        "09": S.RETURNING_TO_SENDER,  # Return to Sender
    },
    event_text=(
        (r"notice left|no access|delivery attempt", S.FAILED_ATTEMPT),
        (r"available for pickup", S.AVAILABLE_FOR_PICKUP),
        (r"return to sender", S.RETURNING_TO_SENDER),
        (r"alert|exception|damaged", S.EXCEPTION),
        (r"pre-shipment|label created|shipping label", S.INFO_RECEIVED),
    ),
)
