"""`python -m demo.seed`: fill the demo database (DJANGO_SETTINGS_MODULE=demo.settings).

Idempotent: the shop is got-or-created and each scenario's order is made once (found again
by its metadata). It refuses a database holding orders of its own, which is no demo's.
"""

import sys

import django


def seed() -> int:
    """Build what is missing; the number of orders made."""
    from saleor.order.models import Order

    from . import orders, shop
    from .saleor_api import SaleorApi

    foreign = Order.objects.exclude(metadata__has_key=orders.SCENARIO_KEY)
    if foreign.exists():
        raise SystemExit(
            "This database has orders the demo did not make: demo data goes only into a "
            "database of its own (./scripts/demo creates one)."
        )
    warehouse = shop.build_shop()
    ctx = orders.Context(SaleorApi(shop.staff_user()), warehouse, orders.now())
    made = 0
    for scenario in orders.SCENARIOS:
        if orders.scenario_order(scenario) is None:
            orders.create(scenario, ctx)
            made += 1
    return made


if __name__ == "__main__":
    django.setup()
    print(f"Demo data: {seed()} orders created", file=sys.stderr)
