"""Royal Mail Tracking API v2 events in our vocabulary.

karrio passes Royal Mail's event codes through without a status, so the mapping is ours:
codes from the API's event list where they are stable, wording otherwise.
"""

from ...tracking.statuses import ShipmentStatus as S
from ..karrio_adapter import KarrioStatusMap

STATUS_MAP = KarrioStatusMap(
    event_codes={
        "EVKSP": S.DELIVERED,  # Delivered and signed for
        "EVKOP": S.DELIVERED,  # Delivered
        "EVGPD": S.DELIVERED,  # Delivered
        "EVKLS": S.AVAILABLE_FOR_PICKUP,  # Ready for collection at the local office
        "EVDAC": S.FAILED_ATTEMPT,  # Attempted delivery, card left
        "EVNRT": S.RETURNING_TO_SENDER,  # Returned to sender
        "EVODO": S.OUT_FOR_DELIVERY,  # Out for delivery
    },
    event_text=(
        (r"\bdelivered\b", S.DELIVERED),
        (r"out for delivery|with our delivery team", S.OUT_FOR_DELIVERY),
        (r"we tried to deliver|attempted", S.FAILED_ATTEMPT),
        (r"ready (to|for) collect", S.AVAILABLE_FOR_PICKUP),
        (r"return(ed|ing) to (the )?sender", S.RETURNING_TO_SENDER),
        (r"delay", S.DELAYED),
        (r"we've got it|accepted|received", S.IN_TRANSIT),
    ),
)
