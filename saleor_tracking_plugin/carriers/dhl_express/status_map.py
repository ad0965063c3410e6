"""DHL Shipment Tracking - Unified API status codes in our vocabulary.

`status.statusCode` is one of pre-transit, transit, delivered, failure, unknown. karrio maps
`unknown` to a delay (a parcel DHL has not scanned yet is not late) and `failure` to a failed
delivery attempt (DHL also uses it for customs holds), so those are ours. `transit` is left to
the wording, which tells a courier out for delivery from a parcel between hubs.
"""

from ...tracking.statuses import ShipmentStatus as S
from ..karrio_adapter import KarrioStatusMap

STATUS_MAP = KarrioStatusMap(
    event_codes={
        "pre-transit": S.INFO_RECEIVED,
        "delivered": S.DELIVERED,
        "failure": S.EXCEPTION,
        "unknown": S.UNKNOWN,
    },
    event_text=(
        (r"out for delivery|with (delivery )?courier", S.OUT_FOR_DELIVERY),
        (r"returned to (shipper|sender)", S.RETURNING_TO_SENDER),
    ),
)
