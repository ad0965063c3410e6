"""Execute GraphQL requests that reach the plugin through Saleor's plugin webhook URL."""

import json
import logging

from django.http import HttpRequest, JsonResponse
from graphql.error import GraphQLError

from ..saleor_glue.auth import InvalidToken, authenticate
from .core import GraphQLCodedError
from .schema import schema

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024


def graphql_view(request: HttpRequest) -> JsonResponse:
    """POST `{query, variables, operationName}` as JSON; answers like any GraphQL server."""
    if request.method != "POST":
        return _errors(405, "BAD_REQUEST", "Send GraphQL requests with POST.")
    if len(request.body) > MAX_BODY_BYTES:
        return _errors(413, "BAD_REQUEST", "Request body is too large.")
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        return _errors(400, "BAD_REQUEST", "Request body is not valid JSON.")
    if not isinstance(data, dict) or not isinstance(data.get("query"), str):
        return _errors(400, "BAD_REQUEST", "Give the GraphQL document in `query`.")
    variables = data.get("variables") or {}
    if not isinstance(variables, dict):
        return _errors(400, "BAD_REQUEST", "`variables` must be an object.")
    try:
        request.requestor = authenticate(request)  # type: ignore[attr-defined]
    except InvalidToken as error:
        return _errors(401, "INVALID_TOKEN", str(error))

    result = schema.execute(
        data["query"],
        variables=variables,
        operation_name=data.get("operationName"),
        context_value=request,
    )
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
