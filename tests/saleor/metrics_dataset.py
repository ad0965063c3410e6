"""A small shop history with known figures, for the post-purchase metrics tests.

Times are given in the shop's zone (Europe/Istanbul, UTC+3). The measured period is the two
weeks from Monday 2 March 2026; the plugin was installed on 20 February 2026. Each row is
written with the ORM as Saleor's and the plugin's actions leave it, dated explicitly.

Orders placed in the period (channel, customer, items shipped / returned):
  o1  main  a@  4 / 1    o2  main  b@  2 / 0    o3  pln  c@  4 / 2    o4  pln  d@  1 / 0
Outside it: o0 (18 Feb, e@, 5 / 1, before install), o00 (25 Feb, e@, 5 / 0), o5 (18 Mar, a@,
not shipped: a@'s repeat order), o6 (1 Mar, d@, not shipped: before d@'s order, no repeat),
o7 (14 Apr, b@, cancelled: no repeat).
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.migrations.recorder import MigrationRecorder
from saleor.order import FulfillmentStatus, OrderStatus
from saleor.order.models import FulfillmentLine, Order, OrderLine

from saleor_tracking_plugin.delays.models import OrderDelay, OrderDelayCause
from saleor_tracking_plugin.returns.models import Return
from saleor_tracking_plugin.surveys.models import Complaint, Survey, SurveyStatus
from saleor_tracking_plugin.tracking.models import Shipment

SHOP = ZoneInfo("Europe/Istanbul")
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=SHOP)
PERIOD = (datetime(2026, 3, 2, tzinfo=SHOP), datetime(2026, 3, 16, tzinfo=SHOP))
INSTALLED = datetime(2026, 2, 20, tzinfo=SHOP)


def at(day: int, hour: int = 12, minute: int = 0, month: int = 3) -> datetime:
    """An instant of 2026 in the shop's zone."""
    return datetime(2026, month, day, hour, minute, tzinfo=SHOP)


@dataclass
class Shop:
    """The orders of the history by name, and the channels' slugs."""

    orders: dict[str, Order] = field(default_factory=dict)
    main: str = ""
    pln: str = ""


def build(template: Order, main_channel, pln_channel) -> Shop:
    """Write the whole history; `template` lends its first line's product and prices."""
    MigrationRecorder.Migration.objects.filter(
        app="saleor_tracking_plugin", name="0001_initial"
    ).update(applied=INSTALLED)
    line = template.lines.first()
    shop = Shop(main=main_channel.slug, pln=pln_channel.slug)
    for name, channel, email, placed, shipped, returned in (
        ("o0", main_channel, "e@example.com", at(18, month=2), 5, 1),
        ("o00", main_channel, "e@example.com", at(25, month=2), 5, 0),
        ("o1", main_channel, "a@example.com", at(3, 10), 4, 1),
        ("o2", main_channel, "b@example.com", at(10), 2, 0),
        ("o3", pln_channel, "c@example.com", at(4), 4, 2),
        ("o4", pln_channel, "d@example.com", at(5), 1, 0),
        ("o5", main_channel, "a@example.com", at(18), 0, 0),
        ("o6", pln_channel, "d@example.com", at(1), 0, 0),
        ("o7", main_channel, "b@example.com", at(14, month=4), 0, 0),
    ):
        shop.orders[name] = _order(line, channel, email, placed, shipped, returned)
    # b@'s second order was cancelled: it is no repeat purchase.
    Order.objects.filter(pk=shop.orders["o7"].pk).update(status=OrderStatus.CANCELED)
    _returns(shop.orders)
    _surveys(shop.orders)
    _complaints(shop.orders)
    _parcels_and_delays(shop.orders)
    return shop


def _order(line, channel, email, placed, shipped, returned) -> Order:
    status = OrderStatus.FULFILLED if shipped else OrderStatus.UNFULFILLED
    order = Order.objects.create(
        channel=channel,
        currency=channel.currency_code,
        user_email=email,
        status=status,
        lines_count=1 if shipped else 0,
    )
    Order.objects.filter(pk=order.pk).update(created_at=placed)
    if not shipped:
        return order
    copy = OrderLine.objects.get(pk=line.pk)
    copy.pk, copy.order, copy.quantity = uuid.uuid4(), order, shipped
    copy.quantity_fulfilled = shipped
    copy._state.adding = True
    copy.save()
    for number, (status, quantity) in enumerate(
        (
            (FulfillmentStatus.FULFILLED, shipped - returned),
            (FulfillmentStatus.REFUNDED_AND_RETURNED, returned),
        ),
        start=1,
    ):
        if quantity:
            fulfillment = order.fulfillments.create(fulfillment_order=number, status=status)
            FulfillmentLine.objects.create(
                fulfillment=fulfillment, order_line=copy, quantity=quantity
            )
    return order


def _returns(orders: dict[str, Order]) -> None:
    # Resolved after 2, 4 and 1 days; one rejected: success 3/4.
    for number, (name, status, requested, resolved) in enumerate(
        (
            ("o1", "refunded", at(5, 10), at(7, 10)),
            ("o3", "credited", at(6), at(10)),
            ("o2", "rejected", at(11), None),
            ("o1", "refunded", at(12, 9), at(13, 9)),
        ),
        start=1,
    ):
        row = Return.objects.create(
            order=orders[name],
            rma=f"RM-{number}",
            status=status,
            reason="size",
            resolution="refund",
            resolved_at=resolved,
        )
        Return.objects.filter(pk=row.pk).update(created_at=requested)


def _surveys(orders: dict[str, Order]) -> None:
    # Sent 4, answered 3 (scores 5, 2, 4). o4's answer is at 01:30 shop time on Monday 9 March
    # (still Sunday in UTC): it belongs to the week of 9 March.
    for name, sent, answered, score in (
        ("o1", at(6, 9), at(6, 10), 5),
        ("o2", at(11), at(12), 2),
        ("o3", at(7), None, None),
        ("o4", at(8), at(9, 1, 30), 4),
    ):
        Survey.objects.create(
            order=orders[name],
            status=SurveyStatus.SENT,
            sent_at=sent,
            answered_at=answered,
            score=score,
        )


def _complaints(orders: dict[str, Order]) -> None:
    # First answers after 2 h (within the due time) and 6 h (late); o3's is unanswered and
    # past due: 1 of 3 within the SLA, median 4 h.
    for name, opened, due, answered, within in (
        ("o2", at(12, 10), at(12, 14), at(12, 12), True),
        ("o4", at(9, 9), at(9, 13), at(9, 15), False),
        ("o3", at(13, 10), at(13, 14), None, None),
    ):
        Complaint.objects.create(
            order=orders[name],
            opened_at=opened,
            due_at=due,
            first_response_at=answered,
            first_response_within_sla=within,
        )


def _parcels_and_delays(orders: dict[str, Order]) -> None:
    # Delivered with an estimate: o1 on time, o2 late (after midnight shop time, 22:00 UTC the
    # day it was due), o3 late, o4 late (by its last estimate in time, but that estimate was
    # moved after the first one had passed); a return parcel never counts.
    parcels = {}
    for name, carrier, estimate, delivered, kind in (
        ("o1", "yurtici", date(2026, 3, 6), at(6, 23), "outbound"),
        ("o2", "ups", date(2026, 3, 11), at(12, 1), "outbound"),
        ("o3", "yurtici", date(2026, 3, 6), at(8), "outbound"),
        ("o4", "yurtici", date(2026, 3, 7), at(7), "outbound"),
        ("o1", "yurtici", date(2026, 3, 5), at(9), "return"),
    ):
        parcels[name, kind] = Shipment.objects.create(
            order=orders[name],
            kind=kind,
            carrier_code=carrier,
            tracking_number=f"{name}-{kind}",
            status="delivered",
            estimated_delivery=estimate,
            delivered_at=delivered,
        )
    # Delayed orders placed in the period: o2 (its UPS parcel), o3 (two causes) and o4.
    for name, causes in (
        ("o2", [("carrier_exception", "o2", at(11, 8))]),
        ("o3", [("estimate_passed", "o3", at(7, 9)), ("not_shipped", None, at(5, 9))]),
        ("o4", [("estimate_passed", "o4", at(6, 9))]),
    ):
        delay = OrderDelay.objects.create(order=orders[name], opened_at=causes[0][2])
        for cause, parcel_of, detected in causes:
            OrderDelayCause.objects.create(
                delay=delay,
                cause=cause,
                shipment=parcels[parcel_of, "outbound"] if parcel_of else None,
                detected_at=detected,
            )
