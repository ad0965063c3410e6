"""FedEx scan event types karrio does not single out, in our vocabulary.

FedEx Track API `scanEvents[].eventType` (developer.fedex.com, "Tracking status codes");
karrio maps most of them, these are the customer-relevant ones it folds elsewhere.
"""

from ...tracking.statuses import ShipmentStatus as S
from ..karrio_adapter import KarrioStatusMap

STATUS_MAP = KarrioStatusMap(
    event_codes={
        "DE": S.EXCEPTION,  # Delivery exception
        "DY": S.DELAYED,  # Delay
        "RS": S.RETURNING_TO_SENDER,  # Return to shipper
        "HP": S.AVAILABLE_FOR_PICKUP,  # Ready for recipient pickup
        "CA": S.EXCEPTION,  # Shipment cancelled by FedEx
    },
)
