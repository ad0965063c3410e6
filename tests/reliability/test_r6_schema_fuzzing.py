"""R6: queries and mutations generated from the plugin's schema (hypothesis-graphql, in its own
virtualenv because it needs graphql-core 3) against a live server on loopback, anonymous, as a
customer and as staff, with real IDs mixed with broken ones: no HTTP 500, no INTERNAL_ERROR.

Bounded in CI; `STP_RELIABILITY=full` sends at least 10,000 requests."""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import graphene
import pytest
from django.utils import timezone
from saleor.core.jwt import JWT_ACCESS_TYPE, jwt_encode, jwt_user_payload
from saleor.order import OrderStatus

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.delays import actions as delay_actions
from saleor_tracking_plugin.delays.models import OrderDelay
from saleor_tracking_plugin.graphql.schema import schema
from saleor_tracking_plugin.tracking.models import Shipment

pytestmark = pytest.mark.django_db(transaction=True)

FULL = os.environ.get("STP_RELIABILITY") == "full"
REQUESTS = 10_000 if FULL else 300
VENV = Path.home() / ".cache" / "stp-fuzz-venv"
CLIENT = Path(__file__).with_name("fuzz_client.py")


def fuzz_python() -> str:
    """The fuzzing virtualenv's interpreter, made on first use from the package index."""
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(python), "-c", "import hypothesis_graphql"], check=False)
    if probe.returncode != 0:
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "hypothesis-graphql"], check=True
        )
    return str(python)


def long_lived_token(user) -> str:
    """An access token valid for the whole run (Saleor's own expire after 5 minutes; the
    full run takes longer)."""
    return jwt_encode(jwt_user_payload(user, JWT_ACCESS_TYPE, timedelta(hours=3)))


def to_id(type_name: str, pk) -> str:
    return graphene.Node.to_global_id(type_name, pk)


def test_generated_requests_never_get_a_server_error(
    live_server,
    replica_reads_the_test_database,
    order_with_lines,
    customer_user,
    staff_user,
    permission_group_manage_orders,
    tmp_path,
):
    # given a late order with a parcel and a delay, and callers of every kind
    order = order_with_lines
    order.user = customer_user
    order.created_at = timezone.now() - timedelta(days=21)
    order.status = OrderStatus.UNFULFILLED
    order.save(update_fields=["user", "created_at", "status"])
    delay_actions.detect_order_delays(order.pk)
    shipment = Shipment.objects.create(
        order=order, carrier_code="yurtici", tracking_number="305712345678"
    )
    permission_group_manage_orders.user_set.add(staff_user)
    ids = [
        to_id("Order", order.pk),
        *[to_id("OrderLine", line.pk) for line in order.lines.all()],
        to_id("Shipment", shipment.pk),
        *[to_id("OrderDelay", d.pk) for d in OrderDelay.objects.all()],
        to_id("Return", 1),
    ]
    broken = [
        to_id("Order", "not-a-uuid"),
        to_id("Order", "²"),
        to_id("Return", "²"),
        to_id("Shipment", "9" * 40),
        to_id("OrderLine", shipment.pk),
        "\x00",
        "",
    ]
    config = {
        "url": f"{live_server.url}/plugins/global/{PLUGIN_ID}/graphql/",
        "sdl": str(schema),
        "ids": ids,
        "broken_ids": broken,
        "requests": REQUESTS,
        "tokens": {
            "anonymous": "",
            "customer": long_lived_token(customer_user),
            "staff": long_lived_token(staff_user),
        },
    }
    config_path = tmp_path / "fuzz.json"
    config_path.write_text(json.dumps(config))

    # when generated documents are sent
    run = subprocess.run(
        [fuzz_python(), str(CLIENT), str(config_path)],
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    counts = result["counts"]
    print(
        f"R6 schema fuzzing: {counts['requests']} requests "
        f"(anonymous {counts.get('anonymous_requests', 0)}, "
        f"customer {counts.get('customer_requests', 0)}, staff {counts.get('staff_requests', 0)})"
        f", HTTP 500: {counts.get('http_500', 0)}, INTERNAL_ERROR: "
        f"{counts.get('internal_error', 0)}"
    )

    # then the server never failed
    assert counts["requests"] >= REQUESTS * 0.9
    assert not [key for key in counts if key.endswith("_refused_token")], counts
    assert counts.get("http_500", 0) == 0, result["causes"]
    assert counts.get("internal_error", 0) == 0, result["causes"]
