"""graphql-core's executor without Saleor's per-field patch, for the plugin's own schema.

Saleor replaces graphql-core's `complete_value_catching_error` for the whole process
(`patch_executor` in saleor/graphql/graphql_core.py) so that each field of Saleor's own
mutations may write through the writer connection. Every field of every schema then enters
two context managers. For the plugin's schema they do nothing: Saleor runs the plugin's
whole request inside `allow_writer()` (saleor/plugins/views.py), and no resolver here reads
`allow_replica`. They were a quarter of `orderTracking`'s execution time (benchmark B2).

`execute` here is graphql-core's own, with its functions bound to a namespace of their own
in which that name is graphql-core's original function. Saleor's schema keeps its patch.

In that namespace, an object whose selected fields take no arguments and are leaves, objects
or lists of them (a page of returns with their lines, a parcel's scans) is completed in one
recursive loop instead of graphql-core's four calls, resolve-info object and middleware chain
per field: for lists of objects that machinery was most of a query's time. Resolvers of such
fields are called with one resolve-info per field and request. The plugin's middleware acts
only on root fields and fields with arguments, which never take this way. Anything the loop
cannot complete as graphql-core would (a null in a non-null field, a value its type refuses,
a resolver that raises or returns a promise, a list that is not a sized collection) sends the
whole object down graphql-core's own path, which resolves it again and reports the error.
"""

import types
from collections.abc import Iterable, Mapping, Sized
from functools import partial

from graphene.types.resolver import attr_resolver, dict_or_attr_resolver, dict_resolver
from graphql.execution import executor as graphql_executor
from graphql.execution.base import ResolveInfo
from graphql.type import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)
from promise import Promise

# Saleor keeps the function it replaced; without the patch the module's own is the original.
try:
    from saleor.graphql.graphql_core import original_complete_value_catching_error
except ImportError:  # a Saleor that does not patch the executor
    original_complete_value_catching_error = graphql_executor.complete_value_catching_error


def _unpatched_namespace() -> dict:
    namespace = dict(vars(graphql_executor))
    namespace["complete_value_catching_error"] = original_complete_value_catching_error
    for name, value in list(namespace.items()):
        # graphql-core's functions look each other up in their module's globals: copies of
        # them looking in `namespace` call one another, never Saleor's replacement.
        if isinstance(value, types.FunctionType) and value.__globals__ is vars(graphql_executor):
            copy = types.FunctionType(
                value.__code__, namespace, value.__name__, value.__defaults__, value.__closure__
            )
            copy.__kwdefaults__ = value.__kwdefaults__
            namespace[name] = copy
    return namespace


DEFAULT_RESOLVERS = (dict_or_attr_resolver, attr_resolver, dict_resolver)
TYPENAME = "__typename"
# Key of a plan in graphql-core's per-request cache of collected sub-fields.
PLAN = object()
# What a value of a field is completed as: (kind, non-null, leaf type | plan | item shape).
LEAF, OBJECT, LIST = "leaf", "object", "list"
# A value the loop cannot complete as graphql-core would.
FAILED = object()


def _plan(exe_context, return_type, field_asts) -> tuple | None:
    """How to complete an object of `return_type` for these field nodes in one loop: per
    selected field (response key, attribute read or resolver call, shape of its value); None
    when a field, or one of its sub-fields, takes arguments or has an abstract type. Worked
    out once per request for each selection (after @skip/@include and fragments)."""
    key = (PLAN, return_type, tuple(field_asts))
    cache = exe_context._subfields_cache
    if key not in cache:
        subfields = exe_context.get_sub_fields(return_type, field_asts)
        cache[key] = _plan_of(exe_context, return_type, subfields)
    return cache[key]


def _plan_of(exe_context, return_type, subfields) -> tuple | None:
    plan: list[tuple] = []
    for response_key, asts in subfields.items():
        name = asts[0].name.value
        if name == TYPENAME:
            plan.append((response_key, return_type.name, None))
            continue
        field = return_type.fields.get(name)
        if field is None or field.args or field.resolver is None:
            return None
        shape = _shape(exe_context, field.type, asts)
        if shape is None:
            return None
        plan.append((response_key, _reader(exe_context, field, asts, return_type), shape))
    return tuple(plan)


def _shape(exe_context, field_type, asts) -> tuple | None:
    non_null = isinstance(field_type, GraphQLNonNull)
    inner = field_type.of_type if non_null else field_type
    if isinstance(inner, GraphQLScalarType | GraphQLEnumType):
        return (LEAF, non_null, inner)
    if isinstance(inner, GraphQLList):
        item = _shape(exe_context, inner.of_type, asts)
        return None if item is None else (LIST, non_null, item)
    if isinstance(inner, GraphQLObjectType) and not inner.is_type_of:
        plan = _plan(exe_context, inner, asts)
        return None if plan is None else (OBJECT, non_null, plan)
    return None


def _reader(exe_context, field, asts, parent_type) -> tuple:
    """(attribute, default, None) for graphene's default resolver, else (None, resolver,
    resolve-info): the info every object of this selection shares."""
    resolver = field.resolver
    if (
        isinstance(resolver, partial)
        and resolver.func in DEFAULT_RESOLVERS
        and len(resolver.args) == 2
        and not resolver.keywords
    ):
        attname, default = resolver.args
        return (attname, default, None)
    info = ResolveInfo(
        asts[0].name.value,
        asts,
        field.type,
        parent_type,
        schema=exe_context.schema,
        fragments=exe_context.fragments,
        root_value=exe_context.root_value,
        operation=exe_context.operation,
        variable_values=exe_context.variable_values,
        context=exe_context.context_value,
        # Each object of the selection has its own place in the answer; the plugin's
        # resolvers never read it (graphql-core's errors are reported on its own path).
        path=[],
    )
    return (None, resolver, info)


def _complete_object(plan: tuple, result) -> dict | None:
    """The object's fields as graphql-core would complete them, or None to let it do so."""
    is_dict = isinstance(result, dict)
    completed = {}
    for response_key, reader, shape in plan:
        if shape is None:  # __typename
            completed[response_key] = reader
            continue
        attname, default_or_resolver, info = reader
        if info is None:
            value = (
                result.get(attname, default_or_resolver)
                if is_dict
                else getattr(result, attname, default_or_resolver)
            )
        else:
            try:
                value = default_or_resolver(result, info)
            except Exception:  # graphql-core calls it again and reports the error
                return None
        value = _complete_value(shape, value)
        if value is FAILED:
            return None
        completed[response_key] = value
    return completed


def _complete_value(shape: tuple, value):
    kind, non_null, payload = shape
    if value is None:
        return FAILED if non_null else None
    if isinstance(value, Promise):
        return FAILED
    if kind is LEAF:
        try:
            serialized = payload.serialize(value)
        except Exception:  # graphql-core reports it against the field
            return FAILED
        return FAILED if serialized is None else serialized
    if kind is OBJECT:
        completed = _complete_object(payload, value)
        return FAILED if completed is None else completed
    # Only collections that can be read again: graphql-core reads the list anew on the way
    # back, which an iterator would not allow.
    if (
        not isinstance(value, Iterable)
        or not isinstance(value, Sized)
        or isinstance(value, str | bytes | Mapping)
    ):
        return FAILED
    items = []
    for item in value:
        completed = _complete_value(payload, item)
        if completed is FAILED:
            return FAILED
        items.append(completed)
    return items


def _with_object_loop(namespace: dict) -> dict:
    complete_any_object = namespace["complete_object_value"]

    def complete_object_value(exe_context, return_type, field_asts, info, path, result):
        if not return_type.is_type_of:
            plan = _plan(exe_context, return_type, field_asts)
            if plan:
                completed = _complete_object(plan, result)
                if completed is not None:
                    return completed
        return complete_any_object(exe_context, return_type, field_asts, info, path, result)

    namespace["complete_object_value"] = complete_object_value
    return namespace


execute = _with_object_loop(_unpatched_namespace())["execute"]
