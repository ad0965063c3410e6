"""What the endpoint refuses before running anything, as Saleor's own API does: oversized
documents (depth, expanded size, aliases, mutations per request) and argument values no
resolver should ever see (NUL bytes, huge strings, numbers and dates that overflow date
arithmetic, times without a time zone).

The limits hold for every field at once, so a new argument is covered without remembering to.
"""

from datetime import date, datetime

from graphql.language import ast

from .core import BadInput

# Document limits. The deepest real query (a return's parcel's events) is 5 levels deep; Saleor
# allows 100 aliases and 4 mutations per request, our schema needs far fewer aliases.
MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_MUTATIONS = 4
# Fields after expanding fragments: stops "fragment bombs" whose text is small but whose
# expansion is exponential.
MAX_EXPANDED_FIELDS = 2000

# Argument limits. 100,000 hours or days moves a date by at most ~270 years, which stays
# inside what Python's datetime and PostgreSQL hold; no argument needs more.
MAX_ABS_INTEGER = 100_000
MAX_STRING_LENGTH = 10_000
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)


class DocumentTooLarge(Exception):
    """The GraphQL document exceeds one of the endpoint's limits."""


def check_document(document: ast.Document) -> None:
    """Raise DocumentTooLarge when the document is deeper, larger or has more aliases or
    mutations than the endpoint allows."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, ast.FragmentDefinition)
    }
    aliases = sum(_count_aliases(d.selection_set) for d in document.definitions)
    if aliases > MAX_ALIASES:
        raise DocumentTooLarge(f"Number of aliases exceeds the limit of {MAX_ALIASES}.")
    mutations = sum(
        len(d.selection_set.selections)
        for d in document.definitions
        if isinstance(d, ast.OperationDefinition) and d.operation == "mutation"
    )
    if mutations > MAX_MUTATIONS:
        raise DocumentTooLarge(f"Number of mutations exceeds the limit of {MAX_MUTATIONS}.")
    budget = [MAX_EXPANDED_FIELDS]
    for definition in document.definitions:
        if isinstance(definition, ast.OperationDefinition):
            _walk(definition.selection_set, fragments, 1, budget, frozenset())


def _count_aliases(selection_set: ast.SelectionSet | None) -> int:
    if selection_set is None:
        return 0
    count = 0
    for selection in selection_set.selections:
        if isinstance(selection, ast.Field) and selection.alias is not None:
            count += 1
        count += _count_aliases(getattr(selection, "selection_set", None))
    return count


def _walk(
    selection_set: ast.SelectionSet | None,
    fragments: dict[str, ast.FragmentDefinition],
    depth: int,
    budget: list[int],
    visiting: frozenset[str],
) -> None:
    if selection_set is None:
        return
    if depth > MAX_DEPTH:
        raise DocumentTooLarge(f"Query is deeper than the limit of {MAX_DEPTH}.")
    for selection in selection_set.selections:
        if isinstance(selection, ast.Field):
            budget[0] -= 1
            if budget[0] < 0:
                raise DocumentTooLarge(
                    f"Query selects more than {MAX_EXPANDED_FIELDS} fields (its cost)."
                )
            _walk(selection.selection_set, fragments, depth + 1, budget, visiting)
        elif isinstance(selection, ast.InlineFragment):
            _walk(selection.selection_set, fragments, depth, budget, visiting)
        elif isinstance(selection, ast.FragmentSpread):
            name = selection.name.value
            # Unknown and cyclic fragments are left to GraphQL's own validation.
            if name in fragments and name not in visiting:
                _walk(fragments[name].selection_set, fragments, depth, budget, visiting | {name})


class ArgumentGuard:
    """Graphene middleware refusing, with an INVALID error, argument values outside the
    endpoint's limits, before any resolver sees them."""

    def resolve(self, next_, root, info, **args):
        for name, value in args.items():
            _check_value(name, value)
        return next_(root, info, **args)


def _check_value(name: str, value: object) -> None:
    if isinstance(value, str):
        _check_string(name, value)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if abs(value) > MAX_ABS_INTEGER:
            raise BadInput(f"`{name}` must be between {-MAX_ABS_INTEGER} and {MAX_ABS_INTEGER}.")
    elif isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise BadInput(f"`{name}` needs a time zone, e.g. 2026-05-01T10:00:00+03:00.")
        _check_date(name, value.date())
    elif isinstance(value, date):
        _check_date(name, value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_value(key, item)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_value(name, item)


def _check_string(name: str, value: str) -> None:
    if len(value) > MAX_STRING_LENGTH:
        raise BadInput(f"`{name}` is longer than {MAX_STRING_LENGTH} characters.")
    if "\x00" in value:
        raise BadInput(f"`{name}` contains a NUL character.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate ("\ud800" in JSON) is no character PostgreSQL can store.
        raise BadInput(f"`{name}` is not valid Unicode text.") from None


def _check_date(name: str, value: date) -> None:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise BadInput(f"`{name}` must be between {EARLIEST_DATE} and {LATEST_DATE}.")
