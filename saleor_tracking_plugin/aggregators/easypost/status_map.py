"""EasyPost tracker statuses in our vocabulary (EasyPost "Tracker" object, `status`)."""

from ...tracking.statuses import ShipmentStatus as S

STATUSES: dict[str, S] = {
    "unknown": S.UNKNOWN,
    "pre_transit": S.INFO_RECEIVED,
    "in_transit": S.IN_TRANSIT,
    "out_for_delivery": S.OUT_FOR_DELIVERY,
    "delivered": S.DELIVERED,
    "available_for_pickup": S.AVAILABLE_FOR_PICKUP,
    "return_to_sender": S.RETURNING_TO_SENDER,
    "failure": S.EXCEPTION,
    "cancelled": S.EXCEPTION,
    "error": S.EXCEPTION,
}

# `status_detail` values that say more than the status.
DETAILS: dict[str, S] = {
    "delivery_exception": S.FAILED_ATTEMPT,
    "address_correction": S.DELAYED,
    "weather_delay": S.DELAYED,
    "return": S.RETURNING_TO_SENDER,
}

# EasyPost carrier names of carriers the plugin knows.
CARRIERS: dict[str, str] = {
    "USPS": "usps",
    "UPS": "ups",
    "FedEx": "fedex",
    "DHLExpress": "dhl_express",
    "RoyalMail": "royal_mail",
}


def status_of(status: str, detail: str) -> S:
    """Our status for an EasyPost status and status detail."""
    return DETAILS.get(detail) or STATUSES.get(status, S.UNKNOWN)
