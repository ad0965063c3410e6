"""Inspection splits a line's items across outcomes: stock and refund follow each item."""

from decimal import Decimal

from saleor.order import FulfillmentStatus
from saleor.payment import TransactionKind

from .returns_api import (
    INSPECT,
    RECEIVE,
    REFUND,
    REQUEST_RETURN,
    call,
    call_ok,
    order_id,
    request_input,
)
from .test_returns_flow import stock_of

SPLIT_FIELDS = "return { id status refundAmount lines { outcome outcomes { outcome quantity } "
SPLIT_FIELDS += "restockedQuantity } } errors { field code message }"
INSPECT_SPLIT = f"""
mutation Inspect($id: ID!, $lines: [ReturnInspectionLineInput!]!) {{
  returnInspect(id: $id, lines: $lines) {{ {SPLIT_FIELDS} }}
}}
"""


def received_two_shirts(order, customer_client, staff_client) -> dict:
    shirt = order.lines.get(product_sku="SKU_AA")
    ret = call_ok(
        customer_client,
        REQUEST_RETURN,
        {"id": order_id(order), "input": request_input((shirt, 2))},
    )
    return call_ok(staff_client, RECEIVE, {"id": ret["id"]})


def inspect_split(client, ret: dict, *outcomes: tuple[str, int], single: str | None = None):
    """Inspect the return's only line, splitting its items by outcome."""
    (line,) = ret["lines"]
    entry = {"lineId": line["id"], "outcomes": [{"outcome": o, "quantity": q} for o, q in outcomes]}
    if single:
        entry["outcome"] = single
    return call(client, INSPECT_SPLIT, {"id": ret["id"], "lines": [entry]})


def test_one_resellable_and_one_damaged_item_of_a_line_restock_one_and_refund_both(
    delivered_order, customer_tracking_client, staff_tracking_client, payment_txn_captured
):
    shirt = delivered_order.lines.get(product_sku="SKU_AA")
    stock_before = stock_of(shirt)
    ret = received_two_shirts(delivered_order, customer_tracking_client, staff_tracking_client)

    inspected = inspect_split(staff_tracking_client, ret, ("RESELLABLE", 1), ("DAMAGED", 1))[
        "return"
    ]

    # then one item goes back into stock, both are refunded, both are in Saleor's return
    (line,) = inspected["lines"]
    assert line["outcome"] is None
    assert sorted((o["outcome"], o["quantity"]) for o in line["outcomes"]) == [
        ("DAMAGED", 1),
        ("RESELLABLE", 1),
    ]
    assert line["restockedQuantity"] == 1
    assert stock_of(shirt) == stock_before + 1
    assert Decimal(str(inspected["refundAmount"])) == 2 * shirt.unit_price_gross_amount
    returned = delivered_order.fulfillments.get(status=FulfillmentStatus.RETURNED)
    assert [fl.quantity for fl in returned.lines.all()] == [2]
    assert delivered_order.events.filter(
        parameters__message__icontains="2× SKU_AA: 1 resellable, 1 damaged (1 restocked)"
    ).exists()
    call_ok(staff_tracking_client, REFUND, {"id": ret["id"]})
    (refund,) = payment_txn_captured.transactions.filter(kind=TransactionKind.REFUND)
    assert refund.amount == 2 * shirt.unit_price_gross_amount


def test_a_missing_item_of_a_split_line_is_neither_returned_nor_refunded(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    shirt = delivered_order.lines.get(product_sku="SKU_AA")
    stock_before = stock_of(shirt)
    ret = received_two_shirts(delivered_order, customer_tracking_client, staff_tracking_client)

    inspected = inspect_split(staff_tracking_client, ret, ("DEFECTIVE", 1), ("MISSING", 1))[
        "return"
    ]

    assert Decimal(str(inspected["refundAmount"])) == shirt.unit_price_gross_amount
    assert stock_of(shirt) == stock_before
    returned = delivered_order.fulfillments.get(status=FulfillmentStatus.RETURNED)
    assert [fl.quantity for fl in returned.lines.all()] == [1]


def test_outcomes_that_do_not_add_up_to_the_line_are_refused_and_change_nothing(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    ret = received_two_shirts(delivered_order, customer_tracking_client, staff_tracking_client)

    too_few = inspect_split(staff_tracking_client, ret, ("DAMAGED", 1))
    both = inspect_split(staff_tracking_client, ret, ("DAMAGED", 2), single="DAMAGED")
    negative = inspect_split(staff_tracking_client, ret, ("DAMAGED", 3), ("RESELLABLE", -1))

    assert too_few["errors"][0]["code"] == "QUANTITY_MISMATCH"
    assert both["errors"][0]["code"] == "INVALID"
    assert negative["errors"][0]["code"] == "INVALID_QUANTITY"
    assert not delivered_order.fulfillments.filter(status=FulfillmentStatus.RETURNED).exists()


def test_one_outcome_per_line_still_works(
    delivered_order, customer_tracking_client, staff_tracking_client
):
    ret = received_two_shirts(delivered_order, customer_tracking_client, staff_tracking_client)
    (line,) = ret["lines"]

    inspected = call_ok(
        staff_tracking_client,
        INSPECT,
        {"id": ret["id"], "lines": [{"lineId": line["id"], "outcome": "RESELLABLE"}]},
    )

    (line,) = inspected["lines"]
    assert (line["outcome"], line["restockedQuantity"]) == ("RESELLABLE", 2)
