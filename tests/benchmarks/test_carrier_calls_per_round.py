"""Carrier calls per parcel per polling round, for 10,000 active parcels of one carrier.

Not part of the default run: `STP_BENCHMARKS=1 ./scripts/test -q tests/benchmarks -s`.
For each carrier with batching to show, 10,000 due parcels are stored and one beat round's
planning (`claim_due_batches`, the real code) decides what is asked; the requests that costs
come from the numbers each request carries (`carriers/batching.py`). Printed per carrier:
parcels asked about in the round, requests, requests per parcel, and rounds to ask about all.
"""

import os
from math import ceil

import pytest

from saleor_tracking_plugin.carriers.batching import requests_for
from saleor_tracking_plugin.carriers.claims import claim_due_batches
from saleor_tracking_plugin.config import load_settings
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from ..saleor.carrier_helpers import CREDENTIALS
from ..saleor.helpers import configure_plugin

pytestmark = pytest.mark.skipif(
    not os.environ.get("STP_BENCHMARKS"), reason="benchmarks run with STP_BENCHMARKS=1"
)

PARCELS = 10_000
CARRIERS = {
    "fedex": CREDENTIALS["fedex"],
    "ups": CREDENTIALS["ups"],
    "usps": {"usps_client_id": "id", "usps_client_secret": "secret"},
    "dhl_express": {"dhl_api_key": "key"},
    "gls": {"gls_client_id": "id", "gls_client_secret": "secret"},
}


@pytest.mark.parametrize("carrier", list(CARRIERS))
def test_calls_per_parcel_in_one_round(customer_order, carrier):
    configure_plugin(**CARRIERS[carrier])
    Shipment.objects.bulk_create(
        Shipment(
            order=customer_order,
            carrier_code=carrier,
            tracking_number=f"BENCH{carrier.upper()}{index:08d}",
            status=ShipmentStatus.IN_TRANSIT,
        )
        for index in range(PARCELS)
    )

    batches = claim_due_batches(load_settings())

    parcels = sum(len(ids) for _, ids in batches)
    requests = sum(requests_for(carrier, len(ids)) for _, ids in batches)
    print(
        f"\n{carrier}: {PARCELS} due parcels; one round asks about {parcels} in "
        f"{requests} requests = {requests / parcels:.3f} requests per parcel; "
        f"all asked within {ceil(PARCELS / parcels)} rounds"
    )
    assert parcels > 0
    assert requests <= parcels
