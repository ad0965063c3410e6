"""Generated-input holes are closed as classes: every global ID is decoded by type and key
shape, every number and date argument is bounded, text arguments carry no NUL bytes and stay
short, times carry a time zone, and documents stay within depth, size and alias limits.
Each refusal is a typed error, never INTERNAL_ERROR."""

import base64
import json

import pytest

from saleor_tracking_plugin.graphql.limits import MAX_ALIASES, MAX_DEPTH, MAX_STRING_LENGTH

from ..fixtures import TRACKING_API_PATH, tracking_content
from .returns_api import CANCEL_RETURN, RETURNS, order_id

pytestmark = pytest.mark.django_db


def raw_id(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def error_codes(content: dict) -> list[str]:
    return [error["extensions"]["code"] for error in content.get("errors", [])]


ORDER_TRACKING = "query T($id: ID) { orderTracking(id: $id) { number } }"
ORDER_MESSAGES = "query M($id: ID!) { orderMessages(orderId: $id) { text } }"
SHIPMENT_EVENT_ADD = """
mutation Add($id: ID!, $input: ShipmentEventInput!) {
  shipmentEventAdd(shipmentId: $id, input: $input) { errors { field code } }
}
"""
BROADCAST_PREVIEW = """
query P($filter: BroadcastFilterInput!) { delayBroadcastPreview(filter: $filter) { count } }
"""


@pytest.mark.parametrize(
    "bad_id",
    [
        raw_id("Order:not-a-uuid"),
        raw_id("Order:²"),
        raw_id("Return:1"),
        raw_id("Order:"),
        "not base64 at all!",
        raw_id("Order:" + "9" * 40),
    ],
)
def test_an_order_id_of_the_wrong_type_or_shape_is_not_found(staff_tracking_client, bad_id):
    # when staff ask for an order by a broken ID
    content = tracking_content(staff_tracking_client.post_graphql(ORDER_TRACKING, {"id": bad_id}))

    # then the answer is the usual NOT_FOUND
    assert error_codes(content) == ["NOT_FOUND"]


@pytest.mark.parametrize("bad_id", [raw_id("Order:not-a-uuid"), raw_id("Shipment:1")])
def test_order_messages_with_a_broken_order_id_is_not_found(staff_tracking_client, bad_id):
    content = tracking_content(staff_tracking_client.post_graphql(ORDER_MESSAGES, {"id": bad_id}))

    assert error_codes(content) == ["NOT_FOUND"]


@pytest.mark.parametrize("return_id", [raw_id("Return:²"), raw_id("Return:abc"), raw_id("x")])
def test_a_guest_cancelling_a_malformed_return_id_gets_not_found(
    guest_tracking_client, customer_order, return_id
):
    # when a guest who knows the order cancels a return by a malformed ID
    content = tracking_content(
        guest_tracking_client.post_graphql(
            CANCEL_RETURN,
            {
                "returnId": return_id,
                "number": str(customer_order.number),
                "email": customer_order.user_email,
            },
        )
    )

    # then it is a typed NOT_FOUND, not a server error
    assert error_codes(content) == ["NOT_FOUND"]


def test_a_guest_order_number_in_unicode_digits_is_not_found(guest_tracking_client):
    content = tracking_content(
        guest_tracking_client.post_graphql(
            "query T($n: String, $e: String) { orderTracking(number: $n, email: $e) { number } }",
            {"n": "²³", "e": "someone@example.com"},
        )
    )

    assert error_codes(content) == ["NOT_FOUND"]


def test_an_overflowing_hours_filter_is_invalid(staff_tracking_client):
    # when staff filter returns by a number of hours no date arithmetic can hold
    content = tracking_content(
        staff_tracking_client.post_graphql(RETURNS, {"filter": {"newerThanHours": 2_000_000_000}})
    )

    # then the argument is refused by name
    assert error_codes(content) == ["INVALID"]
    assert "newer_than_hours" in content["errors"][0]["message"]


def test_a_far_future_date_filter_is_invalid(staff_tracking_client):
    content = tracking_content(
        staff_tracking_client.post_graphql(
            BROADCAST_PREVIEW, {"filter": {"shippedTo": "9999-12-31"}}
        )
    )

    assert error_codes(content) == ["INVALID"]


def test_a_nul_byte_in_a_text_filter_is_invalid(staff_tracking_client):
    content = tracking_content(
        staff_tracking_client.post_graphql(
            BROADCAST_PREVIEW, {"filter": {"carrierCodes": ["yurt\x00ici"]}}
        )
    )

    assert error_codes(content) == ["INVALID"]


def test_an_over_long_text_argument_is_invalid(guest_tracking_client):
    content = tracking_content(
        guest_tracking_client.post_graphql(
            "query T($n: String, $e: String) { orderTracking(number: $n, email: $e) { number } }",
            {"n": "1", "e": "a" * (MAX_STRING_LENGTH + 1)},
        )
    )

    assert error_codes(content) == ["INVALID"]


def test_a_time_without_a_time_zone_is_invalid(staff_tracking_client, customer_order):
    from saleor_tracking_plugin.graphql.core import global_id
    from saleor_tracking_plugin.tracking.models import Shipment

    # given a tracked parcel
    shipment = Shipment.objects.create(
        order=customer_order, carrier_code="yurtici", tracking_number="305700000009"
    )

    # when staff record an event at a time without a time zone
    content = tracking_content(
        staff_tracking_client.post_graphql(
            SHIPMENT_EVENT_ADD,
            {
                "id": global_id("Shipment", shipment.pk),
                "input": {"status": "IN_TRANSIT", "occurredAt": "2026-01-01T10:00:00"},
            },
        )
    )

    # then it is refused, and nothing is recorded
    assert error_codes(content) == ["INVALID"]
    assert not shipment.events.exists()


def post(client, body: bytes, **headers):
    return client.post(TRACKING_API_PATH, data=body, content_type="application/json", **headers)


def test_a_query_deeper_than_the_limit_is_refused(client):
    nested = "{ a " * (MAX_DEPTH + 1) + "}" * (MAX_DEPTH + 1)
    response = post(client, json.dumps({"query": "query " + nested}).encode())

    assert response.status_code == 400
    assert error_codes(response.json()) == ["QUERY_TOO_COMPLEX"]


def test_a_fragment_bomb_is_refused_before_it_runs(client):
    # given fragments each doubling the one before: tiny text, 2^20 fields once expanded
    fragments = ["fragment F0 on Carrier { code name }"]
    for level in range(1, 21):
        fragments.append(f"fragment F{level} on Carrier {{ ...F{level - 1} ...F{level - 1} }}")
    query = "query { carriers { ...F20 } } " + " ".join(fragments)

    response = post(client, json.dumps({"query": query}).encode())

    assert response.status_code == 400
    assert error_codes(response.json()) == ["QUERY_TOO_COMPLEX"]


def test_too_many_aliases_are_refused(client):
    fields = " ".join(f"a{n}: carriers {{ code }}" for n in range(MAX_ALIASES + 1))
    response = post(client, json.dumps({"query": "{ " + fields + " }"}).encode())

    assert response.status_code == 400
    assert error_codes(response.json()) == ["QUERY_TOO_COMPLEX"]


def test_a_batch_of_several_operations_is_refused(client):
    one = {"query": "{ carriers { code } }"}
    response = post(client, json.dumps([one, one]).encode())

    assert response.status_code == 400


def test_a_single_operation_in_a_batch_list_is_answered(client):
    response = post(client, json.dumps([{"query": "{ carriers { code } }"}]).encode())

    assert response.status_code == 200, response.content
    assert response.json()["data"]["carriers"], response.content


def test_an_oversized_body_is_refused_by_its_declared_length_without_reading_it(rf):
    from saleor_tracking_plugin.graphql.view import MAX_BODY_BYTES, graphql_view

    # given a request announcing a body larger than the limit, whose stream cannot be read
    request = rf.post(TRACKING_API_PATH, data=b"{}", content_type="application/json")
    request.META["CONTENT_LENGTH"] = str(MAX_BODY_BYTES + 1)

    class Unreadable:
        def read(self, *args):
            raise AssertionError("the body was read")

    request._stream = Unreadable()

    # then it is refused with 413
    assert graphql_view(request).status_code == 413


def test_json_nested_beyond_the_parser_is_a_bad_request(client):
    response = post(client, b"[" * 100_000)

    assert response.status_code in (400, 413)
    assert error_codes(response.json()) == ["BAD_REQUEST"]


def test_real_ids_still_work(staff_tracking_client, customer_order):
    content = tracking_content(
        staff_tracking_client.post_graphql(ORDER_TRACKING, {"id": order_id(customer_order)})
    )

    assert content["data"]["orderTracking"]["number"] == str(customer_order.number)
