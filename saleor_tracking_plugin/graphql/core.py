"""Shared GraphQL pieces: Saleor-style typed errors and global IDs."""

import graphene
from graphql_relay import from_global_id, to_global_id


class GraphQLCodedError(Exception):
    """A top-level GraphQL error with a machine-readable code in `extensions.code`."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class NotFound(GraphQLCodedError):
    def __init__(self, message: str):
        super().__init__("NOT_FOUND", message)


class PermissionDenied(GraphQLCodedError):
    def __init__(self, message: str = "You need the MANAGE_ORDERS permission."):
        super().__init__("PERMISSION_DENIED", message)


class BadInput(GraphQLCodedError):
    def __init__(self, message: str):
        super().__init__("INVALID", message)


class MutationError(graphene.ObjectType):
    """An error of a mutation, as in Saleor: which input field, a code and a message."""

    field = graphene.String(description="The input field the error is about, if any.")
    code = graphene.String(required=True, description="Machine-readable error code.")
    message = graphene.String(required=True, description="Human-readable explanation.")


def mutation_error(code: str, message: str, field: str | None = None) -> MutationError:
    """Build one `errors` entry of a mutation payload."""
    return MutationError(field=field, code=code, message=message)


def global_id(type_name: str, pk: object) -> str:
    """The Relay global ID Saleor uses: base64 of `Type:pk`."""
    return to_global_id(type_name, str(pk))


def pk_from_global_id(value: str, expected_type: str) -> str | None:
    """The primary key inside a global ID of the expected type, or None if it is not one."""
    try:
        type_name, pk = from_global_id(value)
    except Exception:
        return None
    if type_name != expected_type or not pk:
        return None
    return pk
