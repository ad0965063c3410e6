"""Saleor's order rows as the plugin's own queries join them.

The plugin's models point at Saleor's orders, fulfillments and order lines by foreign key.
What lies behind such a key (the order's customer, addresses, channel and email, a line's
variant, a fulfillment's status) is named here only: `via` is the path from the plugin's row
to Saleor's ("order", "delay__order", "order_line"), so the joins stay in the caller's one query.
"""

from django.db.models import Q, QuerySet
from saleor.order import FulfillmentStatus, OrderStatus
from saleor.order.models import Order

# What staff lists and customer messages read of an order besides its own row.
ORDER_CONTACTS = ("user", "shipping_address", "billing_address")


def order_with_contacts(via: str = "order") -> list[str]:
    """`select_related` paths: the order at `via` with its customer account and addresses."""
    return [via, *(f"{via}__{relation}" for relation in ORDER_CONTACTS)]


def order_with_channel(via: str = "order") -> str:
    """`select_related` path: the order at `via` with the channel it was placed in."""
    return f"{via}__channel"


def line_with_variant(via: str = "order_line") -> str:
    """`select_related` path: the order line at `via` with its product variant."""
    return f"{via}__variant"


def placed_with_email(email: str, via: str = "order") -> Q:
    """Rows whose order (at `via`) was placed with this email, whatever its case."""
    return Q(**{f"{via}__user_email__iexact": email})


def shipped_to_country(country_code: str, via: str = "order") -> Q:
    """Rows whose order (at `via`) ships to this country (ISO code, as Saleor stores it)."""
    return Q(**{f"{via}__shipping_address__country": country_code.upper()})


def cancelled_in_saleor(fulfillment_via: str = "fulfillment", order_via: str = "order") -> Q:
    """Rows whose fulfillment or whose order Saleor cancelled."""
    return Q(**{f"{fulfillment_via}__status": FulfillmentStatus.CANCELED}) | Q(
        **{f"{order_via}__status": OrderStatus.CANCELED}
    )


def fulfillment_status_path(via: str = "fulfillment") -> str:
    """`values_list` path of the fulfillment's status (compare with FulfillmentStatus)."""
    return f"{via}__status"


# What staff lists show of each row's order and order lines. Saleor's order row has about a
# hundred columns and its line about sixty, metadata among them that apps may fill with
# kilobytes of JSON; a returns page read twenty of each whole and paid more for them than for
# its own rows (benchmark B7).
ORDER_SUMMARY = ("id", "number", "language_code")


def with_order_summary(queryset: QuerySet, via: str = "order") -> QuerySet:
    """`queryset` joined to its order at `via`, reading only the order's ORDER_SUMMARY
    columns; any other column of the order costs a query per row when read."""
    deferred = [
        f"{via}__{field.attname}"
        for field in Order._meta.concrete_fields
        if field.attname not in ORDER_SUMMARY
    ]
    return queryset.select_related(via).defer(*deferred)


def line_summary_paths(via: str = "order_line") -> tuple[str, str]:
    """`values_list` paths of the order line's product name and SKU at `via`."""
    return f"{via}__product_name", f"{via}__product_sku"
