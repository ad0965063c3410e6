"""B3: webhook ingestion throughput, as a ratio to a plain Django view writing one row.

Not part of the default run: `STP_BENCHMARKS=1 ./scripts/test -q tests/benchmarks -s`.
Both sides go through Django's test client and the same database in the same run, so the
ratio says what the plugin's checks cost on top of the cheapest possible ingestion: the
front door's route (`web/front_door.py`: in Saleor's URL list, the plugin's state kept per
process), raw-body HMAC check, JSON validation, age check, one inbox INSERT (a repeat found
by ON CONFLICT). The same deliveries under Saleor's plugin URL are measured and printed too:
Saleor's plugin routing alone costs more than the whole delivery there. The inbox task then
applies the stored deliveries in batches (events, timeline, metadata); its rate is printed,
and every delivery must have been applied.
"""

import base64
import hashlib
import hmac
import json
import os
import time

from django.db import connection
from django.http import JsonResponse
from django.test import override_settings
from django.urls import include, path
from saleor.core.db.connection import allow_writer

from saleor_tracking_plugin.aggregators.tasks import apply_webhook_inbox_task
from saleor_tracking_plugin.carriers.models import WebhookDelivery
from saleor_tracking_plugin.tracking.models import Shipment

from ..saleor.carrier_helpers import shipment_for
from ..saleor.helpers import configure_plugin
from .measure import benchmark, explain_queryset

pytestmark = benchmark
# Deliveries per second through the plugin, as a share of the one-row view's.
BOUND = 0.5

DELIVERIES = 300
# Not measured: first requests pay one-off costs (imports, the holiday calendar, plans).
WARM_UP = 20
BLOCK = 25
SECRET = "bench-secret"
FRONT_DOOR_URL = "/tracking/webhooks/aftership/"
PLUGIN_URL = "/plugins/global/saleor_tracking_plugin/webhooks/aftership/"


def baseline_view(request):
    """The cheapest ingestion: take the body and write one row.

    Saleor's test settings refuse writes outside `allow_writer`, which its plugin endpoint
    also enters; the baseline enters it too.
    """
    with allow_writer(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO stp_bench_baseline (body) VALUES (%s)", [request.body.decode()])
    return JsonResponse({"status": "ok"})


# Saleor's own URLs plus the baseline, so both sides pass the same resolver and middleware.
urlpatterns = [path("baseline/", baseline_view), path("", include("saleor.urls"))]


def delivery(index: int) -> bytes:
    return json.dumps(
        {
            "event": "tracking_update",
            "event_id": f"bench-{index}",
            "ts": int(time.time()),
            "msg": {
                "tracking_number": f"3057{index % 20:08d}",
                "slug": "yurtici-kargo",
                "tag": "InTransit",
                "checkpoints": [
                    {
                        "checkpoint_time": f"2026-11-20T{index % 24:02d}:{index % 60:02d}:00+03:00",
                        "tag": "InTransit",
                        "subtag": "InTransit_001",
                        "message": f"Scan {index}",
                        "location": "ANKARA",
                    }
                ],
            },
        }
    ).encode()


def elapsed(post, bodies) -> float:
    started = time.perf_counter()
    for body in bodies:
        assert post(body).status_code in (200, 405)
    return time.perf_counter() - started


@override_settings(ROOT_URLCONF=__name__)
def test_webhook_ingestion_against_a_one_row_view(client, customer_order):
    configure_plugin(aftership_webhook_secret=SECRET)
    for index in range(20):
        shipment_for(customer_order, "yurtici", f"3057{index:08d}")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE stp_bench_baseline (id serial primary key, body text)")
    warm_up = [delivery(i) for i in range(DELIVERIES, DELIVERIES + WARM_UP)]
    bodies = [delivery(i) for i in range(DELIVERIES)]
    # Others of the same kind for the plugin URL, so that neither side meets repeats.
    plugin_url_bodies = [delivery(i) for i in range(DELIVERIES + WARM_UP, 2 * DELIVERIES + WARM_UP)]

    def signed_post(url):
        def post(body):
            signature = base64.b64encode(hmac.new(SECRET.encode(), body, hashlib.sha256).digest())
            return client.post(
                url,
                body,
                content_type="application/json",
                HTTP_AFTERSHIP_HMAC_SHA256=signature.decode(),
            )

        return post

    def baseline_post(body):
        return client.post("/baseline/", body, content_type="application/json")

    front_door_post, plugin_url_post = signed_post(FRONT_DOOR_URL), signed_post(PLUGIN_URL)
    elapsed(baseline_post, warm_up)
    elapsed(front_door_post, warm_up)
    apply_webhook_inbox_task()
    # Alternate them in blocks, so that load from other processes on the machine falls on
    # all alike.
    baseline_time = front_door_time = plugin_url_time = 0.0
    for start in range(0, DELIVERIES, BLOCK):
        block = bodies[start : start + BLOCK]
        baseline_time += elapsed(baseline_post, block)
        front_door_time += elapsed(front_door_post, block)
        plugin_url_time += elapsed(plugin_url_post, plugin_url_bodies[start : start + BLOCK])
    baseline, front_door = DELIVERIES / baseline_time, DELIVERIES / front_door_time
    plugin_url = DELIVERIES / plugin_url_time

    ratio = front_door / baseline
    print(
        f"\nwebhook ingestion: {front_door:.0f}/s at the front door, {baseline:.0f}/s baseline, "
        f"rate ratio {ratio:.3f} ({DELIVERIES} deliveries each, bound {BOUND}; "
        f"load average {os.getloadavg()[0]:.1f})"
    )
    print(
        f"B3 under Saleor's plugin URL: {plugin_url:.0f}/s, rate ratio "
        f"{plugin_url / baseline:.3f} to the baseline (Saleor builds every plugin per request)"
    )
    explain_queryset(
        "B3 inbox batch",
        WebhookDelivery.objects.select_for_update(skip_locked=True)
        .filter(outcome=WebhookDelivery.Outcome.PENDING)
        .order_by("id")[:200],
    )
    # when the inbox task applies what was accepted
    started = time.perf_counter()
    applied = apply_webhook_inbox_task()
    applying = time.perf_counter() - started
    print(f"B3 inbox task: {applied} deliveries applied at {applied / applying:.0f}/s")

    # then every accepted delivery was applied, and ingestion kept its bound
    assert applied == 2 * DELIVERIES
    assert not WebhookDelivery.objects.exclude(outcome=WebhookDelivery.Outcome.APPLIED).exists()
    assert Shipment.objects.filter(events__isnull=False).distinct().count() == 20
    assert ratio >= BOUND
