"""Staff lists page with Relay cursors, as Saleor's own lists do (shown on `returns`; the
other lists share graphql/pagination.py, and `delayCallList` is checked on its own order)."""

import base64
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_tracking_plugin.delays.models import OrderDelay
from saleor_tracking_plugin.returns.models import Return
from tests.fixtures import tracking_content

from .returns_api import RETURNS, call, nodes

CALL_LIST_PAGE = """
query Page($first: Int, $after: String) {
  delayCallList(first: $first, after: $after) {
    edges { cursor node { orderNumber daysLate } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


@pytest.fixture
def five_returns(order_with_lines):
    """R1 (oldest) … R5 (newest), an hour apart; R2 and R3 at the same moment."""
    now = timezone.now()
    made = []
    for index, hours_ago in enumerate([50, 40, 40, 20, 10], start=1):
        ret = Return.objects.create(
            order=order_with_lines,
            rma=f"R{index}",
            status="requested",
            reason="size",
            resolution="refund",
        )
        Return.objects.filter(pk=ret.pk).update(created_at=now - timedelta(hours=hours_ago))
        made.append(ret)
    return made


def page(client, **arguments) -> dict:
    return call(client, RETURNS, arguments)


def rmas(connection: dict) -> list[str]:
    return [node["rma"] for node in nodes(connection)]


def test_pages_follow_one_another_newest_first_with_ties_in_a_stable_order(
    staff_tracking_client, five_returns
):
    # when staff read the list two at a time
    first = page(staff_tracking_client, first=2)
    second = page(staff_tracking_client, first=2, after=first["pageInfo"]["endCursor"])
    third = page(staff_tracking_client, first=2, after=second["pageInfo"]["endCursor"])

    # then the pages join into the whole list, without gaps or repeats, and the last says so
    assert rmas(first) + rmas(second) + rmas(third) == ["R5", "R4", "R3", "R2", "R1"]
    assert rmas(page(staff_tracking_client)) == ["R5", "R4", "R3", "R2", "R1"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert third["pageInfo"]["hasNextPage"] is False
    assert third["pageInfo"]["hasPreviousPage"] is True
    assert first["edges"][-1]["cursor"] == first["pageInfo"]["endCursor"]


def test_a_return_made_while_staff_page_does_not_shift_the_next_page(
    staff_tracking_client, five_returns, order_with_lines
):
    # given the first page read
    first = page(staff_tracking_client, first=2)

    # when a new return arrives before the next page is asked for
    Return.objects.create(
        order=order_with_lines, rma="R6", status="requested", reason="size", resolution="refund"
    )
    second = page(staff_tracking_client, first=2, after=first["pageInfo"]["endCursor"])

    # then the next page continues where the first ended
    assert rmas(second) == ["R3", "R2"]


def test_last_and_before_page_backwards(staff_tracking_client, five_returns):
    # when staff ask for the end of the list, then the page before it
    end = page(staff_tracking_client, last=2)
    before_end = page(staff_tracking_client, last=2, before=end["pageInfo"]["startCursor"])

    # then both keep the list's order
    assert rmas(end) == ["R2", "R1"]
    assert end["pageInfo"]["hasPreviousPage"] is True
    assert rmas(before_end) == ["R4", "R3"]
    assert before_end["pageInfo"]["hasNextPage"] is True


def _cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


@pytest.mark.parametrize(
    "arguments",
    [
        {"after": "not a cursor"},
        {"after": _cursor(["2026-01-01T00:00:00+00:00"])},
        {"after": _cursor(["yesterday", 4])},
        {"after": _cursor(["2026-01-01T00:00:00", 4])},
        {"before": _cursor(["2026-01-01T00:00:00+00:00", "4"])},
        {"first": 2, "last": 2},
        {"first": 101},
        {"last": -1},
    ],
)
def test_a_bad_cursor_or_size_is_a_typed_error(staff_tracking_client, five_returns, arguments):
    # when staff send a cursor that is not one of this list's, or an impossible size
    response = staff_tracking_client.post_graphql(RETURNS, arguments)

    # then the answer is an INVALID error, not a page and not a crash
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "INVALID"


def test_the_call_list_pages_by_days_late_then_opening(staff_tracking_client, order_list):
    # given three late orders: 9, 3 and 3 days late, the last two opened an hour apart
    now = timezone.now()
    for order, days, hours_ago in zip(order_list, [3, 9, 3], [1, 5, 2], strict=True):
        delay = OrderDelay.objects.create(order=order, opened_at=now - timedelta(hours=hours_ago))
        delay.causes.create(cause="no_scan", detected_at=now, days_late=days)

    # when staff read the call list one at a time
    numbers = []
    after = None
    for _index in range(3):
        content = tracking_content(
            staff_tracking_client.post_graphql(CALL_LIST_PAGE, {"first": 1, "after": after})
        )
        connection = content["data"]["delayCallList"]
        numbers += [node["orderNumber"] for node in nodes(connection)]
        after = connection["pageInfo"]["endCursor"]

    # then the most late comes first, and of equally late ones the longest open
    first, second, third = order_list[:3]
    assert numbers == [str(second.number), str(third.number), str(first.number)]
    assert connection["pageInfo"]["hasNextPage"] is False
