"""B1: Saleor's `orderFulfill` with a tracking number, plugin active against plugin inactive.

The same staff member fulfils one unit of a line per mutation, alternating blocks with the
plugin switched on and off in Saleor's plugin settings. Celery is not eager here: the
plugin's hook enqueues its task after Saleor's commit (to an in-memory broker), as in
production where a worker runs it; the task's own cost is measured by B5 and the webhook
and polling benchmarks. Bound: time ratio ≤ 1.05, taken as the median of the 48 rounds'
ratios (each round one block of each side, back to back): on this shared machine the ratio
of the totals of the same code ranged 0.99–1.08 between runs, because a burst of another
process's work lands on a few blocks of one side, while the median stayed within 1.03–1.04.
"""

import graphene
from saleor.graphql.tests.utils import get_graphql_content
from saleor.plugins.models import PluginConfiguration

from saleor_tracking_plugin import PLUGIN_ID

from ..saleor.helpers import ORDER_FULFILL, configure_plugin
from .measure import benchmark, interleaved

ROUNDS = 48
PER_ROUND = 5
BOUND = 1.05

pytestmark = benchmark


def test_order_fulfill_with_and_without_the_plugin(
    staff_api_client, permission_group_manage_orders, order_with_lines, settings
):
    # given an order line with plenty to ship, and Celery sending tasks to a broker
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    configure_plugin(default_carrier="Yurtiçi Kargo")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "memory://"
    line = order_with_lines.lines.first()
    allocation = line.allocations.get()
    stock = allocation.stock
    needed = 2 * ROUNDS * PER_ROUND + 10
    line.quantity = needed
    line.save(update_fields=["quantity"])
    allocation.quantity_allocated = needed
    allocation.save(update_fields=["quantity_allocated"])
    stock.quantity = needed
    stock.save(update_fields=["quantity"])
    order_id = graphene.Node.to_global_id("Order", order_with_lines.pk)
    warehouse_id = graphene.Node.to_global_id("Warehouse", stock.warehouse_id)
    line_id = graphene.Node.to_global_id("OrderLine", line.pk)
    counter = iter(range(10**6))

    def fulfil_one() -> None:
        variables = {
            "order": order_id,
            "input": {
                "lines": [
                    {"orderLineId": line_id, "stocks": [{"quantity": 1, "warehouse": warehouse_id}]}
                ],
                "trackingNumber": f"3057{next(counter):08d}",
                "notifyCustomer": False,
            },
        }
        response = staff_api_client.post_graphql(ORDER_FULFILL, variables)
        assert get_graphql_content(response)["data"]["orderFulfill"]["errors"] == []

    def switch(side: str) -> None:
        PluginConfiguration.objects.filter(identifier=PLUGIN_ID).update(active=side == "plugin")

    def run(_round):
        for _ in range(PER_ROUND):
            fulfil_one()

    # warm-up of both sides, not measured
    switch("plugin")
    fulfil_one()
    switch("baseline")
    fulfil_one()

    # when the two alternate
    timing = interleaved("B1 orderFulfill", run, run, ROUNDS, before=switch)

    # then the plugin adds at most 5 % to Saleor's mutation
    print(
        f"B1 time ratio {timing.median_ratio:.3f} (median of the rounds; totals "
        f"{timing.ratio:.3f}; bound {BOUND}), {PER_ROUND} mutations per round"
    )
    assert order_with_lines.fulfillments.count() == 2 + 2 * ROUNDS * PER_ROUND
    assert timing.median_ratio <= BOUND
