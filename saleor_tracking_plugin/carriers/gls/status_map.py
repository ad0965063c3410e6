"""GLS Track and Trace events in our vocabulary.

GLS events carry a description in GLS's standard wording but no status; karrio gives the
newest event the parcel's status (`ParcelDTO.status`: INTRANSIT, INDELIVERY, DELIVERED,
DELIVEREDPS, NOTDELIVERED…) when its wording says nothing known. Order matters: "expected to be
delivered during the day" is out for delivery, not delivered.
"""

from ...tracking.statuses import ShipmentStatus as S
from ..karrio_adapter import KarrioStatusMap

STATUS_MAP = KarrioStatusMap(
    event_text=(
        (r"expected to be delivered during the day|out for delivery", S.OUT_FOR_DELIVERY),
        (r"could not be delivered|not (been )?delivered", S.FAILED_ATTEMPT),
        (r"parcel ?shop", S.AVAILABLE_FOR_PICKUP),
        (r"returned to (the )?(sender|shipper)", S.RETURNING_TO_SENDER),
        (r"\bdelivered\b", S.DELIVERED),
        (r"not yet handed over|data (was|has been) entered", S.INFO_RECEIVED),
    ),
)
