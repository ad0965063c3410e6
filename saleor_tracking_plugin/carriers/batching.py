"""How many tracking numbers one request to each carrier carries, and what a round costs.

Limits per request, from each carrier's API as karrio's extension calls it:
- FedEx Track API, `POST /track/v1/trackingnumbers`: up to 30 `trackingInfo` entries per
  request (developer.fedex.com, Track API, "Track by Tracking Number"); karrio sends every
  number of a call in that one request.
- UPS Tracking API v1, `GET /api/track/v1/details/{inquiryNumber}`: one number per request.
- USPS Tracking API v3, `GET /tracking/v3/tracking/{trackingNumber}`: one number per request.
- DHL Shipment Tracking - Unified, `GET /track/shipments?trackingNumber=`: one per request.
- Royal Mail Tracking API v2, `GET /mailpieces/v2/{mailPieceId}/events`: one per request.
- GLS Track and Trace API, `GET /tracking/simple/trackids/{ids}`: up to 10 comma-separated
  numbers per request (karrio's `karrio.gls`).
- DPD ParcelLifeCycleService `getTrackingData`: one parcel per request.
- The Turkish connectors (Yurtiçi, Aras, MNG) ask for one shipment per call.
A carrier whose requests take one number still gets one batch per task: the calls of a batch
are counted against its calls-per-minute budget one request each (`requests_for`).
"""

from math import ceil

NUMBERS_PER_REQUEST: dict[str, int] = {"fedex": 30, "gls": 10}
ROUND_MINUTES = 5


def numbers_per_request(carrier_code: str) -> int:
    """Tracking numbers one request to this carrier may carry."""
    return NUMBERS_PER_REQUEST.get(carrier_code, 1)


def requests_for(carrier_code: str, numbers: int) -> int:
    """Requests a call about `numbers` tracking numbers costs this carrier."""
    return ceil(numbers / numbers_per_request(carrier_code)) if numbers > 0 else 0


def round_capacity(carrier_code: str, calls_per_minute: int) -> int:
    """The most parcels one beat round (5 minutes) asks this carrier about within its budget."""
    return max(1, calls_per_minute) * ROUND_MINUTES * numbers_per_request(carrier_code)
