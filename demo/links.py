"""`python -m demo.links`: what the demo prints once it runs: logins, endpoints, page links.

The hosted pages open from signed links (the plugin's own `page_url`), made with the demo's
SECRET_KEY and pointing at PUBLIC_URL.
"""

import django

# label, page, token purpose, scenario
PAGES = (
    ("Tracking page, Yurtiçi parcel in transit (TR)", "track", "track", "yurtici-in-transit"),
    ("Tracking page, UPS parcel out for delivery (EN)", "track", "track", "ups-out-for-delivery"),
    ("Tracking page, delivered order (TR)", "track", "track", "delivered"),
    ("Delay choices, order late to ship (TR)", "track", "track", "late-to-ship"),
    ("Return page, request a return (TR)", "return", "return", "delivered"),
    ("Return page, return waiting for approval (TR)", "return", "return", "return-waiting"),
    ("Return page, refunded return (TR)", "return", "return", "return-refunded"),
)


def lines() -> list[str]:
    from django.conf import settings
    from saleor.order.models import Order

    from saleor_tracking_plugin import PLUGIN_ID
    from saleor_tracking_plugin.pages.links import page_url

    from . import shop
    from .orders import SCENARIO_KEY

    base = (getattr(settings, "PUBLIC_URL", None) or "").rstrip("/")
    out = [
        f"Staff login: {shop.STAFF_EMAIL} / {shop.PASSWORD}",
        "Customer logins: "
        + ", ".join(f"{person.email} / {shop.PASSWORD}" for person in shop.CUSTOMERS.values()),
        f"Saleor GraphQL: {base}/graphql/",
        f"Plugin GraphQL: {base}/plugins/global/{PLUGIN_ID}/graphql/",
    ]
    for label, page, purpose, scenario in PAGES:
        order = Order.objects.get(metadata__contains={SCENARIO_KEY: scenario})
        out.append(f"{label}: {page_url(page, order, purpose)}")
    return out


if __name__ == "__main__":
    django.setup()
    print("\n".join(lines()))
