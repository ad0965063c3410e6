"""graphql-core's executor without Saleor's per-field patch, for the plugin's own schema.

Saleor replaces graphql-core's `complete_value_catching_error` for the whole process
(`patch_executor` in saleor/graphql/graphql_core.py) so that each field of Saleor's own
mutations may write through the writer connection. Every field of every schema then enters
two context managers. For the plugin's schema they do nothing: Saleor runs the plugin's
whole request inside `allow_writer()` (saleor/plugins/views.py), and no resolver here reads
`allow_replica`. They were a quarter of `orderTracking`'s execution time (benchmark B2).

`execute` here is graphql-core's own, with its functions bound to a namespace of their own
in which that name is graphql-core's original function. Saleor's schema keeps its patch.
"""

import types

from graphql.execution import executor as graphql_executor

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


execute = _unpatched_namespace()["execute"]
