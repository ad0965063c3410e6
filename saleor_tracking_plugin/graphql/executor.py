"""graphql-core's executor without Saleor's per-field patch, for the plugin's own schema.

Saleor replaces graphql-core's `complete_value_catching_error` for the whole process
(`patch_executor` in saleor/graphql/graphql_core.py) so that each field of Saleor's own
mutations may write through the writer connection. Every field of every schema then enters
two context managers. For the plugin's schema they do nothing: Saleor runs the plugin's
whole request inside `allow_writer()` (saleor/plugins/views.py), and no resolver here reads
`allow_replica`. They were a quarter of `orderTracking`'s execution time (benchmark B2).

`execute` here is graphql-core's own, with its functions bound to a namespace of their own
in which that name is graphql-core's original function. Saleor's schema keeps its patch.

In that namespace, objects whose selected fields are all leaves read by graphene's default
resolver (a scan's time, status, text and place; a cause's kind and days late) are
completed in one loop instead of graphql-core's four calls, resolve-info object and
middleware chain per field: lists of such objects were most of a tracking query's time. The
plugin's middleware acts only on root fields and fields with arguments, which never take
this way; any value it cannot complete as graphql-core would (a null in a non-null field, a
value its type refuses) sends the object down graphql-core's own path, which reports it.
"""

import types
from functools import partial

from graphene.types.resolver import attr_resolver, dict_or_attr_resolver, dict_resolver
from graphql.execution import executor as graphql_executor
from graphql.type import GraphQLEnumType, GraphQLNonNull, GraphQLScalarType
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
# Key of a leaf plan in graphql-core's per-request cache of collected sub-fields.
PLAN = object()


def _leaf_plan(exe_context, return_type, field_asts) -> tuple | None:
    """How to complete an object of `return_type` for these field nodes without graphql-core's
    per-field machinery: (response key, attribute, default, leaf type, non-null) per selected
    field; None when a selected field has a resolver of its own, arguments or sub-fields.
    Worked out once per request for each selection (after @skip/@include and fragments)."""
    key = (PLAN, return_type, tuple(field_asts))
    cache = exe_context._subfields_cache
    if key not in cache:
        cache[key] = _plan_of(return_type, exe_context.get_sub_fields(return_type, field_asts))
    return cache[key]


def _plan_of(return_type, subfields) -> tuple | None:
    plan: list[tuple] = []
    for response_key, asts in subfields.items():
        name = asts[0].name.value
        if name == TYPENAME:
            plan.append((response_key, None, return_type.name, None, True))
            continue
        field = return_type.fields.get(name)
        if field is None or field.args:
            return None
        resolver = field.resolver
        if not (
            isinstance(resolver, partial)
            and resolver.func in DEFAULT_RESOLVERS
            and len(resolver.args) == 2
            and not resolver.keywords
        ):
            return None
        non_null = isinstance(field.type, GraphQLNonNull)
        leaf = field.type.of_type if non_null else field.type
        if not isinstance(leaf, GraphQLScalarType | GraphQLEnumType):
            return None
        attname, default = resolver.args
        plan.append((response_key, attname, default, leaf, non_null))
    return tuple(plan)


def _complete_leaves(plan: tuple, result) -> dict | None:
    """The object's fields as graphql-core would complete them, or None to let it do so."""
    is_dict = isinstance(result, dict)
    completed = {}
    for response_key, attname, default, leaf, non_null in plan:
        if leaf is None:  # __typename
            completed[response_key] = default
            continue
        value = result.get(attname, default) if is_dict else getattr(result, attname, default)
        if value is None:
            if non_null:
                return None
            completed[response_key] = None
            continue
        if isinstance(value, Promise):
            return None
        try:
            serialized = leaf.serialize(value)
        except Exception:  # graphql-core reports it against the field
            return None
        if serialized is None:
            return None
        completed[response_key] = serialized
    return completed


def _with_leaf_objects(namespace: dict) -> dict:
    complete_any_object = namespace["complete_object_value"]

    def complete_object_value(exe_context, return_type, field_asts, info, path, result):
        if not return_type.is_type_of:
            plan = _leaf_plan(exe_context, return_type, field_asts)
            if plan:
                completed = _complete_leaves(plan, result)
                if completed is not None:
                    return completed
        return complete_any_object(exe_context, return_type, field_asts, info, path, result)

    namespace["complete_object_value"] = complete_object_value
    return namespace


execute = _with_leaf_objects(_unpatched_namespace())["execute"]
