"""Polling with a real Celery worker on Redis: retries with back-off, then the circuit breaker."""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.utils import timezone

from saleor_tracking_plugin.carriers.models import CarrierCircuit, ShipmentPolling
from saleor_tracking_plugin.carriers.tasks import poll_due_shipments_task
from saleor_tracking_plugin.tracking.models import Shipment

from ..carriers.recordings import load
from .carrier_helpers import CREDENTIALS, make_due, shipment_for
from .helpers import configure_plugin
from .worker import celery_worker, send, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


class CarrierServer(BaseHTTPRequestHandler):
    """MNG that fails twice and then answers; Yurtiçi that keeps failing."""

    calls: list[tuple[str, float]] = []
    mng_failures_left = 2

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.calls.append((self.path, time.monotonic()))
        if self.path.startswith("/mng/token"):
            return self._answer(200, json.dumps({"jwt": "worker-token"}).encode())
        return self._answer(503, b"Service Unavailable")

    def do_GET(self):
        self.calls.append((self.path, time.monotonic()))
        if CarrierServer.mng_failures_left > 0:
            CarrierServer.mng_failures_left -= 1
            return self._answer(503, b"Service Unavailable")
        [_token, delivered] = load("mng", "delivered")
        return self._answer(200, delivered["raw"])

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def carrier_server():
    CarrierServer.calls = []
    CarrierServer.mng_failures_left = 2
    server = ThreadingHTTPServer(("127.0.0.1", 0), CarrierServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def calls_to(prefix: str) -> list[float]:
    return [at for path, at in CarrierServer.calls if path.startswith(prefix)]


def test_a_carrier_failing_twice_is_retried_with_back_off_and_catches_up(
    carrier_server, customer_order, settings, tmp_path: Path
):
    # given MNG failing twice before answering, Yurtiçi failing every time, and a breaker
    # that pauses a carrier after three failed calls in a row
    configure_plugin(
        poll_retries="2",
        poll_retry_seconds="1",
        circuit_failure_threshold="3",
        mng_api_url=f"{carrier_server}/mng",
        yurtici_api_url=f"{carrier_server}/yurtici",
        **CREDENTIALS["mng"],
        **CREDENTIALS["yurtici"],
    )
    mng = shipment_for(customer_order, "mng", "SIP1042")
    yurtici = shipment_for(customer_order, "yurtici", "305712345678")
    log = tmp_path / "worker.log"

    with celery_worker(log, settings):
        # when the beat round is queued for the worker
        send(poll_due_shipments_task)

        def settled() -> bool:
            circuit = CarrierCircuit.objects.filter(carrier_code="yurtici").first()
            delivered = Shipment.objects.get(pk=mng.pk).status == "delivered"
            # The polling row is written just after the events' commit (and the signal
            # receivers it runs), so wait for it too rather than race it.
            healthy = ShipmentPolling.objects.filter(shipment=mng, last_error_code="").exists()
            return delivered and healthy and circuit is not None and circuit.open_until is not None

        wait_for(settled, 60, "MNG delivered and Yurtiçi paused", log)

        # then MNG's third attempt brought every scan, after waits of about 1s then 2s
        mng_tracks = calls_to("/mng/standardqueryapi")
        assert len(mng_tracks) == 3
        assert mng_tracks[1] - mng_tracks[0] >= 0.9
        assert mng_tracks[2] - mng_tracks[1] >= 1.9
        assert Shipment.objects.get(pk=mng.pk).events.count() == 4
        assert ShipmentPolling.objects.get(shipment=mng).last_error_code == ""
        assert CarrierCircuit.objects.get(carrier_code="mng").consecutive_failures == 0

        # and Yurtiçi, three failures in, is paused and shown to staff as unavailable
        assert len(calls_to("/yurtici")) == 3
        paused = CarrierCircuit.objects.get(carrier_code="yurtici")
        assert paused.consecutive_failures == 3
        assert paused.open_until > timezone.now()
        assert ShipmentPolling.objects.get(shipment=yurtici).last_error_code == "unavailable"

        # when the next round finds Yurtiçi's parcel due again
        make_due(yurtici)
        send(poll_due_shipments_task)
        wait_for(
            lambda: len(re.findall(r"poll_due_shipments_task\[[^\]]+\] succeeded", log.read_text()))
            >= 2,
            30,
            "the second round to finish",
            log,
        )

    # then the paused carrier was not called again
    assert len(calls_to("/yurtici")) == 3
