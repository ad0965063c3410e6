"""The lines of returns as plain rows, for reading only (staff lists, a customer's returns).

A page of returns shows each one's lines with the product of each order line. Read as model
instances through `prefetch_related`, with the order lines joined, they cost Django a
queryset per return and two instances per line (benchmark B7); read as tuples in one
statement for the whole page, a fraction of that.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from ..saleor_glue.order_joins import line_summary_paths
from .models import Return, ReturnLine

ATTRIBUTE = "line_rows"


@dataclass(frozen=True, slots=True)
class OrderLineSummary:
    """What a return line shows of its order line."""

    product_name: str
    product_sku: str | None


@dataclass(frozen=True, slots=True)
class ReturnLineRow:
    """One line of a return, read with the attributes of `ReturnLine` that the API shows."""

    pk: int
    order_line_id: UUID
    quantity: int
    outcome: str
    outcome_quantities: dict
    restocked_quantity: int
    order_line: OrderLineSummary


def attach_lines(returns: Iterable[Return]) -> None:
    """Give each return its lines, in the order they were added, in one query however many
    returns and lines there are."""
    by_pk = {ret.pk: ret for ret in returns}
    rows: dict[int, list[ReturnLineRow]] = defaultdict(list)
    if by_pk:
        lines = (
            ReturnLine.objects.filter(return_request_id__in=by_pk)
            .order_by("pk")
            .values_list(
                "return_request_id",
                "pk",
                "order_line_id",
                "quantity",
                "outcome",
                "outcome_quantities",
                "restocked_quantity",
                *line_summary_paths(),
            )
        )
        for return_id, pk, line_id, quantity, outcome, split, restocked, name, sku in lines:
            rows[return_id].append(
                ReturnLineRow(
                    pk,
                    line_id,
                    quantity,
                    outcome,
                    split or {},
                    restocked,
                    OrderLineSummary(name, sku),
                )
            )
    for pk, ret in by_pk.items():
        setattr(ret, ATTRIBUTE, rows[pk])


def lines_of(ret: Return) -> list[ReturnLineRow]:
    """The return's attached lines; a return read on its own gets them now."""
    if not hasattr(ret, ATTRIBUTE):
        attach_lines([ret])
    return getattr(ret, ATTRIBUTE)
