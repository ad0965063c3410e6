"""Which fields a query selects below a field, so a list reads only what it will show.

A staff list joins or prefetches for the fields that need it (a return's refund records, its
return parcel) only when the query asks one of them; without the join or prefetch such a
field costs a query per row, never a wrong answer. So directives are not evaluated here: a
field under `@skip` counts as selected.
"""

from graphql.language.ast import Field, FragmentSpread, InlineFragment


def selected_below(info, *path: str) -> set[str]:
    """Names of the fields selected at `path` below the resolved field (for a connection:
    `selected_below(info, "edges", "node")`), through fragments and inline fragments."""
    level = list(info.field_asts)
    for name in path:
        level = [field for field in _fields(level, info.fragments) if field.name.value == name]
    return {field.name.value for field in _fields(level, info.fragments)}


def _fields(parents: list[Field], fragments: dict) -> list[Field]:
    found: list[Field] = []
    pending = [parent.selection_set for parent in parents if parent.selection_set]
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, Field):
                found.append(selection)
            elif isinstance(selection, InlineFragment):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpread):
                fragment = fragments.get(selection.name.value)
                if fragment is not None:
                    pending.append(fragment.selection_set)
    return found
