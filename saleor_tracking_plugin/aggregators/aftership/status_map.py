"""AfterShip tags and sub-tags in our vocabulary (AfterShip "Delivery statuses")."""

from ...tracking.statuses import ShipmentStatus as S

TAGS: dict[str, S] = {
    "Pending": S.PENDING,
    "InfoReceived": S.INFO_RECEIVED,
    "InTransit": S.IN_TRANSIT,
    "OutForDelivery": S.OUT_FOR_DELIVERY,
    "AttemptFail": S.FAILED_ATTEMPT,
    "Delivered": S.DELIVERED,
    "AvailableForPickup": S.AVAILABLE_FOR_PICKUP,
    "Exception": S.EXCEPTION,
    "Expired": S.EXPIRED,
}

# Sub-tags that say more than their tag.
SUBTAGS: dict[str, S] = {
    "InTransit_009": S.DELAYED,  # Delivery delayed by external factors (weather, holiday)
    "Exception_004": S.DELAYED,  # Delivery rescheduled
    "Exception_010": S.RETURNING_TO_SENDER,  # On its way back to the sender
    "Exception_011": S.RETURNED,  # Returned to the sender
}

# AfterShip courier slugs of carriers the plugin knows under another code.
SLUGS: dict[str, str] = {
    "yurtici-kargo": "yurtici",
    "aras": "aras",
    "mngkargo": "mng",
    "ptt-posta": "ptt",
    "surat-kargo": "surat",
    "hepsijet": "hepsijet",
    "trendyol-express": "trendyol_express",
    "ups": "ups",
    "fedex": "fedex",
    "dhl": "dhl_express",
    "usps": "usps",
    "royal-mail": "royal_mail",
    "dpd": "dpd",
    "gls": "gls",
}


def status_of(tag: str, subtag: str) -> S:
    """Our status for an AfterShip tag and sub-tag; unknown tags are `unknown`."""
    return SUBTAGS.get(subtag) or TAGS.get(tag, S.UNKNOWN)
