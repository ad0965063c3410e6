"""UPS activity codes karrio folds into `in_transit`, in our vocabulary.

UPS Tracking API `activity[].status`: `type` is I/P/M/X/D (karrio maps those); `code` is the
finer activity code, a few of which matter to customers on their own.
"""

from ...tracking.statuses import ShipmentStatus as S
from ..karrio_adapter import KarrioStatusMap

STATUS_MAP = KarrioStatusMap(
    event_codes={
        "OT": S.OUT_FOR_DELIVERY,  # Out For Delivery Today
        "OF": S.OUT_FOR_DELIVERY,  # Out For Delivery
        "48": S.FAILED_ATTEMPT,  # receiver not available, second attempt next business day
        "ZP": S.AVAILABLE_FOR_PICKUP,  # at a UPS Access Point, ready for pickup
        "RS": S.RETURNING_TO_SENDER,  # returned to shipper
    },
    event_text=((r"out for delivery", S.OUT_FOR_DELIVERY),),
)
