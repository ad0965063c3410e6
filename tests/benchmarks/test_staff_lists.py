"""B7: the first page of the staff lists `returns` and `delayCallList` over 100,000 rows,
against the same page read by a plain ORM query in a one-view Django endpoint, through the
same test client in the same run. Bound: time ratio ≤ 2, and the number of SQL queries of
a page does not grow with its size.
"""

from django.db import connection
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from saleor.core.db.connection import allow_writer

from saleor_tracking_plugin.delays.models import OrderDelay, OrderDelayCause, RefundStatus
from saleor_tracking_plugin.returns.models import Return, ReturnLine

from ..fixtures import tracking_content
from .measure import (
    benchmark,
    clone_orders,
    clone_rows,
    explain_queryset,
    fill_timer,
    interleaved,
    query_accounting,
)

ROWS = 100_000
PAGE = 20
ROUNDS = 20
BOUND = 2.0

pytestmark = benchmark

RETURNS_PAGE = """
query Page($first: Int) {
  returns(first: $first) {
    edges { cursor node {
      id rma status orderNumber isOverdue createdAt
      lines { productName quantity }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

# The same request asking one row's cursor: Saleor's routing, authentication and permission
# check and the cheapest page query, what every staff list request pays before its rows.
RETURNS_FLOOR = """
query Page { returns(first: 1) { edges { cursor } } }
"""

DELAY_CALLS_PAGE = """
query Page($first: Int) {
  delayCallList(first: $first) {
    edges { cursor node {
      id orderNumber email daysLate openedAt
      causes { cause daysLate }
      calls { outcome note }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


def returns_page() -> list[dict]:
    """The first page of returns as a plain ORM query (the baseline)."""
    page = (
        Return.objects.select_related("order")
        .prefetch_related("lines__order_line")
        .order_by("-created_at", "-pk")[:PAGE]
    )
    return [
        {
            "rma": item.rma,
            "status": item.status,
            "order": item.order.number,
            "lines": [[line.order_line.product_name, line.quantity] for line in item.lines.all()],
        }
        for item in page
    ]


def delay_calls_page() -> list[dict]:
    """The first page of the call list as a plain ORM query (the baseline)."""
    page = (
        OrderDelay.objects.select_related("order")
        .prefetch_related("causes", "calls")
        .filter(Q(resolved_at__isnull=True) | Q(refund__status__in=[RefundStatus.FAILED]))
        .annotate(most_late=Max("causes__days_late"))
        .order_by("-most_late", "opened_at", "pk")[:PAGE]
    )
    return [
        {
            "order": item.order.number,
            "email": item.order.user_email,
            "causes": [[cause.cause, cause.days_late] for cause in item.causes.all()],
            "calls": [call.outcome for call in item.calls.all()],
        }
        for item in page
    ]


def returns_view(request):
    with allow_writer():
        return JsonResponse({"returns": returns_page()})


def delay_calls_view(request):
    with allow_writer():
        return JsonResponse({"delays": delay_calls_page()})


urlpatterns = [
    path("b7/returns/", returns_view),
    path("b7/delays/", delay_calls_view),
    path("", include("saleor.urls")),
]


def fill_returns(order) -> None:
    """100,000 returns of one order line each, cloned set-based from one made by the ORM."""
    line = order.lines.first()
    source = Return.objects.create(
        order=order, rma="B7-SOURCE", status="requested", reason="damaged", resolution="refund"
    )
    ReturnLine.objects.create(return_request=source, order_line=line, quantity=1)
    returns, lines = Return._meta.db_table, ReturnLine._meta.db_table
    clone_rows(
        returns,
        f"id = {source.pk}",
        ROWS - 1,
        {
            "id": f"nextval(pg_get_serial_sequence('{returns}', 'id'))",
            "rma": "'B7-' || g",
            "created_at": "now() - g * interval '1 minute'",
        },
    )
    clone_rows(
        lines,
        f"return_request_id = {source.pk}",
        0,
        {"id": f"nextval(pg_get_serial_sequence('{lines}', 'id'))", "return_request_id": "g.id"},
        driver=f"(SELECT id FROM {returns} WHERE rma LIKE 'B7-%%' AND id <> {source.pk}) AS g",
    )


def fill_delays(order) -> None:
    """100,000 late orders (cloned from `order`), each with an open delay and one cause."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(number), 0) FROM order_order")
        base = cursor.fetchone()[0]
    clone_orders(
        f"id = '{order.pk}'",
        ROWS,
        {
            "id": "gen_random_uuid()",
            "number": f"{base} + g",
            "user_email": "'late' || g || '@example.com'",
        },
    )
    delays, causes = OrderDelay._meta.db_table, OrderDelayCause._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {delays} (order_id, opened_at, resolved_at, resolution, new_estimate,
                choice, chosen_at, updates_consent, checked_at)
            SELECT id, now() - (number %% 1000) * interval '1 minute', NULL, '', NULL, '',
                NULL, false, now()
            FROM order_order WHERE number > %s
            """,
            [base],
        )
        cursor.execute(
            f"""
            INSERT INTO {causes} (delay_id, cause, shipment_id, detected_at, days_late)
            SELECT d.id, 'estimate_passed', NULL, now(), 1 + d.id % 9 FROM {delays} d
            """
        )
        for table in (delays, causes):
            cursor.execute(f"ANALYZE {table}")


def page_queries(client, query: str, first: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        content = tracking_content(client.post_graphql(query, {"first": first}))
    assert "errors" not in content, content
    assert len(next(iter(content["data"].values()))["edges"]) == first
    print(f"\nB7 SQL queries by step: {query_accounting(captured.captured_queries)}")
    return len(captured)


def compare(name: str, graphql_client, query: str, client, baseline_url: str) -> float:
    few, full = page_queries(graphql_client, query, 5), page_queries(graphql_client, query, PAGE)
    client.get(baseline_url)

    def plugin(_round):
        graphql_client.post_graphql(query, {"first": PAGE})

    def baseline(_round):
        assert client.get(baseline_url).status_code == 200

    timing = interleaved(name, plugin, baseline, ROUNDS)
    print(f"{name}: {few} SQL queries for 5 rows, {full} for {PAGE}; ratio {timing.ratio:.2f}")
    assert few == full
    return timing.ratio


@override_settings(ROOT_URLCONF=__name__)
def test_the_first_page_of_returns_against_a_plain_orm_page(
    staff_tracking_client, client, order_with_lines
):
    with fill_timer(f"{ROWS} returns"):
        fill_returns(order_with_lines)
    explain_queryset(
        "B7 returns page", Return.objects.order_by("-created_at", "-pk").values("pk")[: PAGE + 1]
    )
    ratio = compare("B7 returns", staff_tracking_client, RETURNS_PAGE, client, "/b7/returns/")
    floor = interleaved(
        "B7 returns floor: one row's cursor",
        lambda _round: staff_tracking_client.post_graphql(RETURNS_FLOOR),
        lambda _round: client.get("/b7/returns/"),
        ROUNDS,
    )
    print(f"B7 returns: ratio {ratio:.2f}; the same request asking one cursor: {floor.ratio:.2f}")
    assert ratio <= BOUND


@override_settings(ROOT_URLCONF=__name__)
def test_the_first_page_of_the_call_list_against_a_plain_orm_page(
    staff_tracking_client, client, order
):
    with fill_timer(f"{ROWS} open delays"):
        fill_delays(order)
    explain_queryset(
        "B7 call list page",
        OrderDelay.objects.filter(resolved_at__isnull=True)
        .annotate(most_late=Coalesce(Max("causes__days_late"), 0))
        .order_by("-most_late", "opened_at", "pk")
        .values("pk")[: PAGE + 1],
    )
    ratio = compare(
        "B7 delayCallList", staff_tracking_client, DELAY_CALLS_PAGE, client, "/b7/delays/"
    )
    assert ratio <= BOUND
