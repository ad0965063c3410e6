"""Execute GraphQL requests that reach the plugin through Saleor's plugin webhook URL."""

import json
import logging

from django.http import HttpRequest, JsonResponse
from graphql.error import GraphQLError
from graphql.execution import ExecutionResult
from graphql.execution.middleware import MiddlewareManager

from ..saleor_glue.auth import InvalidToken, authenticate
from .core import GraphQLCodedError
from .documents import prepare
from .executor import execute
from .limits import ArgumentGuard
from .permissions import PermissionGate
from .schema import ROOT_FIELD_ACCESS, schema

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
# As Saleor's GRAPHQL_BATCH_MAX_COUNT default: a JSON list of operations may hold one.
MAX_BATCH_SIZE = 1
# The middleware runs around every field; its resolvers return plain values, so it is not
# wrapped in promises (graphql-core's default), which cost more than the fields themselves.
MIDDLEWARE = MiddlewareManager(
    PermissionGate(ROOT_FIELD_ACCESS),  # type: ignore[arg-type]  # graphene takes objects too
    ArgumentGuard(),  # type: ignore[arg-type]
    wrap_in_promise=False,
)


def graphql_view(request: HttpRequest) -> JsonResponse:
    """POST `{query, variables, operationName}` as JSON; answers like any GraphQL server."""
    if request.method != "POST":
        return _errors(405, "BAD_REQUEST", "Send GraphQL requests with POST.")
    # The declared size is checked before a byte of the body is read.
    declared = request.META.get("CONTENT_LENGTH") or ""
    if not (declared.isascii() and declared.isdigit()):
        return _errors(411, "BAD_REQUEST", "Send the body's Content-Length.")
    if int(declared) > MAX_BODY_BYTES:
        return _errors(413, "BAD_REQUEST", "Request body is too large.")
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, RecursionError):
        return _errors(400, "BAD_REQUEST", "Request body is not valid JSON.")
    if isinstance(data, list):
        if not 1 <= len(data) <= MAX_BATCH_SIZE:
            return _errors(400, "BAD_REQUEST", "Number of batch queries exceeded.")
        data = data[0]
    if not isinstance(data, dict) or not isinstance(data.get("query"), str):
        return _errors(400, "BAD_REQUEST", "Give the GraphQL document in `query`.")
    variables = data.get("variables") or {}
    if not isinstance(variables, dict):
        return _errors(400, "BAD_REQUEST", "`variables` must be an object.")
    operation_name = data.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        return _errors(400, "BAD_REQUEST", "`operationName` must be a string.")
    prepared = prepare(data["query"])
    if prepared.syntax_error is not None:
        return JsonResponse(
            {"data": None, "errors": [_format_error(prepared.syntax_error)]}, status=400
        )
    if prepared.too_complex is not None:
        return _errors(400, "QUERY_TOO_COMPLEX", prepared.too_complex)
    try:
        request.requestor = authenticate(request)  # type: ignore[attr-defined]
    except InvalidToken as error:
        return _errors(401, "INVALID_TOKEN", str(error))
    if prepared.document is None:
        return JsonResponse(
            {"data": None, "errors": [_format_error(e) for e in prepared.validation_errors]}
        )

    try:
        result = execute(
            schema,
            prepared.document,
            variable_values=variables,
            operation_name=operation_name,
            context_value=request,
            middleware=MIDDLEWARE,
        )
    except Exception as error:  # as graphql-core's own entry point: bad variables, no operation
        result = ExecutionResult(errors=[error], invalid=True)
    assert isinstance(result, ExecutionResult)  # promises only with return_promise=True
    body: dict = {"data": result.data}
    if result.errors:
        body["errors"] = [_format_error(error) for error in result.errors]
    return JsonResponse(body, status=200)


def _format_error(error: Exception) -> dict:
    original = getattr(error, "original_error", None)
    formatted: dict = {"message": str(error)}
    if isinstance(error, GraphQLError):
        if error.locations:
            formatted["locations"] = [
                {"line": loc.line, "column": loc.column} for loc in error.locations
            ]
        if error.path:
            formatted["path"] = error.path
    if isinstance(original, GraphQLCodedError):
        formatted["extensions"] = {"code": original.code}
    elif original is not None:
        logger.error("GraphQL resolver failed", exc_info=original)
        formatted["message"] = "Internal server error."
        formatted["extensions"] = {"code": "INTERNAL_ERROR"}
    else:
        formatted["extensions"] = {"code": "GRAPHQL_VALIDATION_FAILED"}
    return formatted


def _errors(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status=status
    )
