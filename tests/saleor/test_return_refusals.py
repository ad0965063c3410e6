"""Bad return requests are refused with a typed error and create nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone
from saleor.order import OrderStatus

from saleor_tracking_plugin.returns.models import Return, ReturnLine
from saleor_tracking_plugin.tracking.models import Shipment

from .helpers import configure_plugin
from .returns_api import (
    CANCEL_RETURN,
    REQUEST_RETURN,
    SET_TRACKING,
    call,
    call_ok,
    line_id,
    order_id,
    request_input,
)


def refusal(client, order, input) -> dict:
    payload = call(client, REQUEST_RETURN, {"id": order_id(order), "input": input})
    assert payload["return"] is None
    (error,) = payload["errors"]
    return error


def lines_of(order):
    return list(order.lines.order_by("product_sku"))  # SKU_AA ×3, SKU_B ×2


def test_more_than_the_returnable_quantity_is_refused(delivered_order, customer_tracking_client):
    shirt, _mug = lines_of(delivered_order)
    error = refusal(customer_tracking_client, delivered_order, request_input((shirt, 4)))
    assert (error["code"], error["field"]) == ("QUANTITY_TOO_HIGH", "lines")
    assert not Return.objects.exists()


def test_a_zero_quantity_is_refused(delivered_order, customer_tracking_client):
    shirt, _mug = lines_of(delivered_order)
    error = refusal(customer_tracking_client, delivered_order, request_input((shirt, 0)))
    assert error["code"] == "INVALID_QUANTITY"
    assert not Return.objects.exists()


def test_a_line_of_someone_elses_order_is_refused(
    delivered_order, customer_tracking_client, order_with_lines_for_cc
):
    # given a line of another order, sent with the customer's own order
    foreign_line = order_with_lines_for_cc.lines.first()
    shirt, _mug = lines_of(delivered_order)
    input = request_input((shirt, 1))
    input["lines"].append({"orderLineId": line_id(foreign_line), "quantity": 1})

    error = refusal(customer_tracking_client, delivered_order, input)

    assert error["code"] == "LINE_NOT_IN_ORDER"
    assert not Return.objects.exists()
    assert not ReturnLine.objects.exists()


def test_someone_elses_order_is_not_found(delivered_order, other_customer_tracking_client):
    shirt, _mug = lines_of(delivered_order)
    response = other_customer_tracking_client.post_graphql(
        REQUEST_RETURN, {"id": order_id(delivered_order), "input": request_input((shirt, 1))}
    )
    content = response.json()
    assert content["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert not Return.objects.exists()


def test_a_closed_window_is_refused(delivered_order, customer_tracking_client):
    # given the parcel was delivered 15 days ago and the window is 14 days
    configure_plugin(return_window_days=14)
    Shipment.objects.filter(order=delivered_order).update(
        delivered_at=timezone.now() - timedelta(days=15)
    )
    shirt, _mug = lines_of(delivered_order)

    error = refusal(customer_tracking_client, delivered_order, request_input((shirt, 1)))

    assert error["code"] == "WINDOW_CLOSED"
    assert not Return.objects.exists()


def test_a_non_returnable_product_is_refused(delivered_order, customer_tracking_client):
    _shirt, mug = lines_of(delivered_order)
    configure_plugin(return_non_returnable_products=mug.variant.product.slug)

    error = refusal(customer_tracking_client, delivered_order, request_input((mug, 1)))

    assert error["code"] == "NON_RETURNABLE_PRODUCT"
    assert not Return.objects.exists()


def test_a_non_returnable_product_type_is_refused(delivered_order, customer_tracking_client):
    shirt, _mug = lines_of(delivered_order)
    configure_plugin(return_non_returnable_product_types=shirt.variant.product.product_type.slug)

    error = refusal(customer_tracking_client, delivered_order, request_input((shirt, 1)))

    assert error["code"] == "NON_RETURNABLE_PRODUCT"


def test_a_second_request_for_the_same_items_is_refused(delivered_order, customer_tracking_client):
    # given every shirt is already in a return
    shirt, mug = lines_of(delivered_order)
    call_ok(
        customer_tracking_client,
        REQUEST_RETURN,
        {"id": order_id(delivered_order), "input": request_input((shirt, 3))},
    )

    # when the customer asks again for a shirt and a mug
    error = refusal(customer_tracking_client, delivered_order, request_input((mug, 1), (shirt, 1)))

    # then nothing new is created, not even the mug's part
    assert error["code"] == "ALREADY_REQUESTED"
    assert Return.objects.count() == 1
    assert ReturnLine.objects.count() == 1


def test_the_remaining_items_can_still_be_requested(delivered_order, customer_tracking_client):
    shirt, _mug = lines_of(delivered_order)
    for quantity in (1, 2):
        call_ok(
            customer_tracking_client,
            REQUEST_RETURN,
            {"id": order_id(delivered_order), "input": request_input((shirt, quantity))},
        )
    error = refusal(customer_tracking_client, delivered_order, request_input((shirt, 1)))
    assert error["code"] == "ALREADY_REQUESTED"
    assert Return.objects.count() == 2


def test_a_return_on_a_cancelled_order_is_refused(delivered_order, customer_tracking_client):
    delivered_order.status = OrderStatus.CANCELED
    delivered_order.save(update_fields=["status"])
    shirt, _mug = lines_of(delivered_order)

    error = refusal(customer_tracking_client, delivered_order, request_input((shirt, 1)))

    assert error["code"] == "ORDER_CANCELLED"
    assert not Return.objects.exists()


def test_an_unfulfilled_line_is_refused(customer_order, customer_tracking_client):
    line = customer_order.lines.first()
    error = refusal(customer_tracking_client, customer_order, request_input((line, 1)))
    assert error["code"] == "NOT_FULFILLED"


@pytest.mark.parametrize(
    ("setting", "input_change", "code"),
    [
        ({"return_reasons": "size,defective"}, {"reason": "CHANGED_MIND"}, "INVALID_REASON"),
        ({"return_resolutions": "refund"}, {"resolution": "STORE_CREDIT"}, "INVALID_RESOLUTION"),
    ],
)
def test_reasons_and_resolutions_the_shop_does_not_offer_are_refused(
    delivered_order, customer_tracking_client, setting, input_change, code
):
    configure_plugin(**setting)
    shirt, _mug = lines_of(delivered_order)
    input = {**request_input((shirt, 1)), **input_change}

    error = refusal(customer_tracking_client, delivered_order, input)

    assert error["code"] == code
    assert not Return.objects.exists()


def test_a_return_cannot_be_cancelled_once_the_parcel_is_on_its_way(
    delivered_order, customer_tracking_client
):
    # given an approved return whose parcel has been handed to the carrier
    shirt, _mug = lines_of(delivered_order)
    order = {"id": order_id(delivered_order)}
    ret = call_ok(
        customer_tracking_client, REQUEST_RETURN, {**order, "input": request_input((shirt, 1))}
    )
    call_ok(
        customer_tracking_client,
        SET_TRACKING,
        {**order, "returnId": ret["id"], "trackingNumber": "305799887766"},
    )

    payload = call(customer_tracking_client, CANCEL_RETURN, {**order, "returnId": ret["id"]})

    assert payload["errors"][0]["code"] == "INVALID_STATUS"
    assert Return.objects.get().status == "shipped_back"


def test_a_cancelled_request_frees_its_items(delivered_order, customer_tracking_client):
    shirt, _mug = lines_of(delivered_order)
    order = {"id": order_id(delivered_order)}
    ret = call_ok(
        customer_tracking_client, REQUEST_RETURN, {**order, "input": request_input((shirt, 3))}
    )

    cancelled = call_ok(customer_tracking_client, CANCEL_RETURN, {**order, "returnId": ret["id"]})

    assert cancelled["status"] == "CANCELLED"
    again = call_ok(
        customer_tracking_client, REQUEST_RETURN, {**order, "input": request_input((shirt, 3))}
    )
    assert again["status"] == "APPROVED"
