"""The demo's orders, one per state the plugin knows, each named in the order's metadata.

An order is placed, paid and fulfilled through Saleor's GraphQL API; the plugin's hooks make
its shipment; carrier scans, delays and returns then go through the plugin's own actions, as
carrier webhooks, the delay scan and shoppers and staff would make them. Only the dates are
moved back afterwards (`_backdate`), so that a parcel delivered days ago looks it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import graphene
from django.utils import timezone
from saleor.order.models import Fulfillment, Order
from saleor.product.models import ProductVariant
from saleor.shipping.models import ShippingMethod
from saleor.warehouse.models import Warehouse

from saleor_tracking_plugin.delays.actions import detect_order_delays
from saleor_tracking_plugin.pages.rendering import shop_timezone
from saleor_tracking_plugin.returns import actions as returns
from saleor_tracking_plugin.returns.models import Return
from saleor_tracking_plugin.returns.refunding import resolve_return
from saleor_tracking_plugin.tracking.actions import record_events, sync_shipment_for_fulfillment
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from . import shop
from .saleor_api import (
    DRAFT_ORDER_COMPLETE,
    DRAFT_ORDER_CREATE,
    ORDER_FULFILL,
    ORDER_MARK_AS_PAID,
    SaleorApi,
)

SCENARIO_KEY = "demo.scenario"
SCAN_SOURCE = "demo"

Scan = tuple[timedelta, ShipmentStatus, str, str]  # age, status, description, location


@dataclass(frozen=True)
class Scenario:
    """One demo order: who bought what where, and what happened to it since."""

    key: str
    title: str
    customer: str
    market: shop.Market
    lines: tuple[tuple[str, int], ...]  # SKU, quantity
    placed_ago: timedelta
    build: Callable[["Context", Order], None]


@dataclass(frozen=True)
class Context:
    api: SaleorApi
    warehouse: Warehouse
    now: datetime


def _days(n: float) -> timedelta:
    return timedelta(days=n)


def _hours(n: float) -> timedelta:
    return timedelta(hours=n)


def _in_transit_with_yurtici(ctx: Context, order: Order) -> None:
    shipment = _ship(ctx, order, "305798765432", shipped_ago=_days(2))
    _scan(
        ctx,
        shipment,
        [
            (_days(2), ShipmentStatus.INFO_RECEIVED, "Gönderi kabul edildi", "Tuzla"),
            (_days(1), ShipmentStatus.IN_TRANSIT, "Transfer merkezinde", "İstanbul Anadolu"),
            (_hours(5), ShipmentStatus.IN_TRANSIT, "Varış transfer merkezinde", "Ankara"),
        ],
        estimated_delivery=_local_date(ctx.now + _days(2)),
    )


def _out_for_delivery_with_ups(ctx: Context, order: Order) -> None:
    # 1Z5338FF0107231059: a UPS number whose check digit is right, so UPS is detected.
    shipment = _ship(ctx, order, "1Z5338FF0107231059", shipped_ago=_days(3))
    _scan(
        ctx,
        shipment,
        [
            (_days(3), ShipmentStatus.INFO_RECEIVED, "Shipper created a label", "Istanbul, TR"),
            (_days(2), ShipmentStatus.IN_TRANSIT, "Departed from facility", "Istanbul, TR"),
            (_days(1), ShipmentStatus.IN_TRANSIT, "Arrived at facility", "London, GB"),
            (_hours(2), ShipmentStatus.OUT_FOR_DELIVERY, "Out for delivery today", "London, GB"),
        ],
        estimated_delivery=_local_date(ctx.now),
    )


def _delivered(days_ago: float) -> Callable[[Context, Order], None]:
    def deliver(ctx: Context, order: Order) -> None:
        number = f"3057{order.number:08d}"
        shipment = _ship(ctx, order, number, shipped_ago=_days(days_ago + 2))
        _scan(
            ctx,
            shipment,
            [
                (
                    _days(days_ago + 2),
                    ShipmentStatus.INFO_RECEIVED,
                    "Gönderi kabul edildi",
                    "Tuzla",
                ),
                (_days(days_ago + 1), ShipmentStatus.IN_TRANSIT, "Transfer merkezinde", "Ankara"),
                (
                    _days(days_ago) + _hours(4),
                    ShipmentStatus.OUT_FOR_DELIVERY,
                    "Dağıtımda",
                    "Çankaya",
                ),
                (_days(days_ago), ShipmentStatus.DELIVERED, "Teslim edildi", "Çankaya"),
            ],
        )

    return deliver


def _late_to_ship(ctx: Context, order: Order) -> None:
    detect_order_delays(order.pk, now=ctx.now)


def _return_waiting_for_approval(ctx: Context, order: Order) -> None:
    _delivered(4)(ctx, order)
    shirt = order.lines.get(product_sku="DEMO-SHIRT")
    # Worth more than the automatic approval limit (shop.PLUGIN_SETTINGS): staff decide.
    returns.request_return(
        order,
        [(shirt.pk, 1)],
        reason="size",
        resolution="refund",
        comment="Beden küçük geldi.",
        actor=returns.Actor(user=order.user),
    )


def _refunded_return(ctx: Context, order: Order) -> None:
    _delivered(8)(ctx, order)
    mug = order.lines.get(product_sku="DEMO-MUG")
    ret = returns.request_return(
        order,
        [(mug.pk, 1)],
        reason="damaged",
        resolution="refund",
        comment="Kupa kırık geldi.",
        actor=returns.Actor(user=order.user),
    )
    staff = returns.Actor(user=shop.staff_user())
    ret = returns.mark_received(ret, staff)
    ret = returns.inspect_return(ret, {line.pk: "damaged" for line in ret.lines.all()}, staff)
    resolve_return(Return.objects.get(pk=ret.pk), staff)


SCENARIOS = (
    Scenario(
        "yurtici-in-transit",
        "Yurtiçi parcel in transit (Turkish)",
        "ayse",
        shop.TURKEY,
        (("DEMO-SHIRT", 1), ("DEMO-MUG", 2)),
        _days(3),
        _in_transit_with_yurtici,
    ),
    Scenario(
        "ups-out-for-delivery",
        "UPS parcel out for delivery (English)",
        "emily",
        shop.INTERNATIONAL,
        (("DEMO-WALLET", 1), ("DEMO-SCARF", 1)),
        _days(4),
        _out_for_delivery_with_ups,
    ),
    Scenario(
        "delivered",
        "Delivered order, ready for a return request (Turkish)",
        "mehmet",
        shop.TURKEY,
        (("DEMO-SCARF", 1), ("DEMO-MUG", 1)),
        _days(6),
        _delivered(3),
    ),
    Scenario(
        "late-to-ship",
        "Order late to ship: delay choices (Turkish)",
        "ayse",
        shop.TURKEY,
        (("DEMO-WALLET", 1),),
        _days(9),
        _late_to_ship,
    ),
    Scenario(
        "return-waiting",
        "Return waiting for approval (Turkish)",
        "mehmet",
        shop.TURKEY,
        (("DEMO-SHIRT", 1), ("DEMO-WALLET", 1)),
        _days(7),
        _return_waiting_for_approval,
    ),
    Scenario(
        "return-refunded",
        "Refunded return (Turkish)",
        "ayse",
        shop.TURKEY,
        (("DEMO-MUG", 2),),
        _days(11),
        _refunded_return,
    ),
)


def scenario_order(scenario: Scenario) -> Order | None:
    return Order.objects.filter(metadata__contains={SCENARIO_KEY: scenario.key}).first()


def create(scenario: Scenario, ctx: Context) -> Order:
    """Place the scenario's order and bring it to its state."""
    order = _place(ctx, scenario)
    _backdate(Order.objects.filter(pk=order.pk), ctx.now - scenario.placed_ago)
    order.refresh_from_db()
    scenario.build(ctx, order)
    return order


def _place(ctx: Context, scenario: Scenario) -> Order:
    customer = shop.customer(scenario.customer)
    person = shop.CUSTOMERS[scenario.customer]
    method = ShippingMethod.objects.get(
        name=scenario.market.shipping_method, shipping_zone__name=f"Demo {scenario.market.name}"
    )
    variants = {v.sku: v for v in ProductVariant.objects.filter(sku__startswith="DEMO-")}
    draft = ctx.api.mutate(
        DRAFT_ORDER_CREATE,
        {
            "input": {
                "channelId": _gid("Channel", method.channel_listings.get().channel_id),
                "user": _gid("User", customer.pk),
                "lines": [
                    {"variantId": _gid("ProductVariant", variants[sku].pk), "quantity": quantity}
                    for sku, quantity in scenario.lines
                ],
                "shippingAddress": shop.address_input(person),
                "billingAddress": shop.address_input(person),
                "shippingMethod": _gid("ShippingMethod", method.pk),
                "languageCode": "TR" if person.country == "TR" else "EN",
                "metadata": [{"key": SCENARIO_KEY, "value": scenario.key}],
            }
        },
    )["order"]
    ctx.api.mutate(DRAFT_ORDER_COMPLETE, {"id": draft["id"]})
    ctx.api.mutate(ORDER_MARK_AS_PAID, {"id": draft["id"]})
    _, pk = graphene.Node.from_global_id(draft["id"])
    return Order.objects.get(pk=pk)


def _ship(ctx: Context, order: Order, tracking_number: str, shipped_ago: timedelta) -> Shipment:
    """Fulfil every line with Saleor's `orderFulfill`; the plugin's hook starts tracking."""
    payload = ctx.api.mutate(
        ORDER_FULFILL,
        {
            "order": _gid("Order", order.pk),
            "input": {
                "trackingNumber": tracking_number,
                "notifyCustomer": False,
                "lines": [
                    {
                        "orderLineId": _gid("OrderLine", line.pk),
                        "stocks": [
                            {
                                "quantity": line.quantity,
                                "warehouse": _gid("Warehouse", ctx.warehouse.pk),
                            }
                        ],
                    }
                    for line in order.lines.all()
                ],
            },
        },
    )
    (fulfillment,) = payload["fulfillments"]
    _, fulfillment_pk = graphene.Node.from_global_id(fulfillment["id"])
    # The hook queues this as a task; calling it (idempotent) makes the seed independent of
    # whether Celery ran the task eagerly.
    shipment = sync_shipment_for_fulfillment(int(fulfillment_pk))
    assert shipment is not None, f"no shipment was made for {tracking_number}"
    shipped_at = ctx.now - shipped_ago
    _backdate(Fulfillment.objects.filter(pk=fulfillment_pk), shipped_at)
    _backdate(Shipment.objects.filter(pk=shipment.pk), shipped_at)
    return shipment


def _scan(
    ctx: Context, shipment: Shipment, scans: list[Scan], estimated_delivery: date | None = None
) -> None:
    """Carrier scans, as a carrier's webhook or poll would report them."""
    record_events(
        shipment.pk,
        [
            TrackingEventData(
                occurred_at=ctx.now - age, status=status, description=text, location=place
            )
            for age, status, text, place in scans
        ],
        SCAN_SOURCE,
        estimated_delivery=estimated_delivery,
    )


def _local_date(when: datetime) -> date:
    """The date in the shop's time zone, the one delay rules and shoppers read."""
    return when.astimezone(shop_timezone()).date()


def _backdate(queryset, when: datetime) -> None:
    queryset.update(created_at=when)


def _gid(type_name: str, pk) -> str:
    return graphene.Node.to_global_id(type_name, pk)


def now() -> datetime:
    return timezone.now()
