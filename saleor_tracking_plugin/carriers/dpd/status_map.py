"""DPD parcel life-cycle statuses (`statusInfo.status`) in our vocabulary.

karrio maps `Delivered`, `ParcelShop`, `DeliveryFailure` and `Courier`; the others named in
DPD's ParcelLifeCycleService documentation are mapped here.
"""

from ...tracking.statuses import ShipmentStatus as S
from ..karrio_adapter import KarrioStatusMap

STATUS_MAP = KarrioStatusMap(
    event_codes={
        "Accepted": S.INFO_RECEIVED,  # parcel data received / handed to DPD
        "AtSendingDepot": S.IN_TRANSIT,
        "OnTheRoad": S.IN_TRANSIT,
        "AtDeliveryDepot": S.IN_TRANSIT,
        "Courier": S.OUT_FOR_DELIVERY,
        "DeliveryFailure": S.FAILED_ATTEMPT,
        "ParcelShop": S.AVAILABLE_FOR_PICKUP,
        "Delivered": S.DELIVERED,
        "ReturningFromDelivery": S.FAILED_ATTEMPT,
    },
)
