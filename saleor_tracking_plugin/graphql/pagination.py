"""Relay cursor connections for staff lists, as Saleor's own API pages its lists.

A list asks `first`/`after` (forward) or `last`/`before` (backward) and answers
`edges { cursor node }` and `pageInfo`. A cursor holds the sort key of its row (keyset
paging): the next page is a range read off the list's index, however deep it is, and a row
added or removed meanwhile does not shift the rows of the next page.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import graphene
from django.db.models import Q, QuerySet

from .core import BadInput

DATETIME, INTEGER = "datetime", "integer"


@dataclass(frozen=True)
class SortKey:
    """One column of a list's order; the last one must be unique (the primary key)."""

    field: str
    kind: str
    descending: bool = False


@dataclass(frozen=True)
class Page:
    """The rows of one page, each with its cursor, and Relay's page info."""

    rows: list
    cursors: list[str]
    page_info: graphene.relay.PageInfo


def connection_arguments(max_size: int) -> dict[str, graphene.Argument]:
    """`first`, `after`, `last` and `before`, as in Saleor's lists."""
    return {
        "first": graphene.Int(description=f"The first this many (at most {max_size})."),
        "after": graphene.String(description="Those after this cursor."),
        "last": graphene.Int(description=f"The last this many (at most {max_size})."),
        "before": graphene.String(description="Those before this cursor."),
    }


def paginate(
    queryset: QuerySet,
    keys: tuple[SortKey, ...],
    max_size: int,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
    default_size: int | None = None,
) -> Page:
    """One page of `queryset` in the order of `keys`; `first` is `default_size` (else
    `max_size`) when neither `first` nor `last` is given. Bad sizes and cursors are INVALID
    errors."""
    if first is not None and last is not None:
        raise BadInput("Give `first` or `last`, not both.")
    for name, size in (("first", first), ("last", last)):
        if size is not None and not 0 <= size <= max_size:
            raise BadInput(f"`{name}` must be between 0 and {max_size}.")
    backward = last is not None
    page_size: int = (
        last if last is not None else (first if first is not None else default_size or max_size)
    )
    if after is not None:
        queryset = queryset.filter(_beyond(keys, _decode(after, keys, "after"), forward=True))
    if before is not None:
        queryset = queryset.filter(_beyond(keys, _decode(before, keys, "before"), forward=False))
    order = [("-" if k.descending != backward else "") + k.field for k in keys]
    # One row more than asked says whether there is a further page, without a count(*).
    rows = list(queryset.order_by(*order)[: page_size + 1])
    more = len(rows) > page_size
    rows = rows[:page_size]
    if backward:
        rows.reverse()
    cursors = [_encode(row, keys) for row in rows]
    page_info = graphene.relay.PageInfo(
        has_next_page=more if not backward else before is not None,
        has_previous_page=more if backward else after is not None,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
    return Page(rows=rows, cursors=cursors, page_info=page_info)


def connection(connection_type: Any, page: Page, nodes: list | None = None) -> Any:
    """The Relay connection of `page`; `nodes` replaces its rows when they were loaded apart."""
    return connection_type(
        edges=[
            connection_type.Edge(node=node, cursor=cursor)
            for node, cursor in zip(
                nodes if nodes is not None else page.rows, page.cursors, strict=True
            )
        ],
        page_info=page.page_info,
    )


def _beyond(keys: tuple[SortKey, ...], values: list, forward: bool) -> Q:
    # (k1, k2, k3) after (v1, v2, v3): k1 past v1, or k1 = v1 and k2 past v2, and so on.
    condition = Q(pk__in=[])
    equal = Q()
    for key, value in zip(keys, values, strict=True):
        past = "lt" if key.descending == forward else "gt"
        condition |= equal & Q(**{f"{key.field}__{past}": value})
        equal &= Q(**{key.field: value})
    return condition


def _encode(row: Any, keys: tuple[SortKey, ...]) -> str:
    values = []
    for key in keys:
        value = getattr(row, key.field)
        values.append(value.isoformat() if isinstance(value, datetime) else value)
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


def _decode(cursor: str, keys: tuple[SortKey, ...], argument: str) -> list:
    invalid = BadInput(f"`{argument}` is not a cursor of this list.")
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, binascii.Error, UnicodeError):
        raise invalid from None
    if not isinstance(values, list) or len(values) != len(keys):
        raise invalid
    decoded: list[int | datetime] = []
    for key, value in zip(keys, values, strict=True):
        if key.kind == INTEGER and type(value) is int:
            decoded.append(value)
        elif key.kind == DATETIME and isinstance(value, str):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                raise invalid from None
            if moment.tzinfo is None:
                raise invalid
            decoded.append(moment)
        else:
            raise invalid
    return decoded
