"""Shared GraphQL pieces: Saleor-style typed errors and global IDs."""

import uuid

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


RefundSettleAction = graphene.Enum(
    "RefundSettleAction",
    [("MARK_DONE", "mark_done"), ("RETRY", "retry")],
    description=(
        "How staff settle a refund that failed, is unknown or stuck. MARK_DONE: the money moved "
        "(checked in the gateway or payment app), record it with a reference. RETRY: ask Saleor "
        "again, as a new attempt; refused while a request to the payment app is still open."
    ),
)


def mutation_error(code: str, message: str, field: str | None = None) -> MutationError:
    """Build one `errors` entry of a mutation payload."""
    return MutationError(field=field, code=code, message=message)


def global_id(type_name: str, pk: object) -> str:
    """The Relay global ID Saleor uses: base64 of `Type:pk`."""
    return to_global_id(type_name, str(pk))


# The shape of each type's primary key. Every global ID the API receives is decoded here, so a
# key of the wrong shape ("²", a non-UUID order key, a 40-digit number) never reaches a query.
UUID_KEYED = frozenset({"Order", "OrderLine"})
INTEGER_KEYED = frozenset(
    {
        "Return",
        "ReturnLine",
        "Shipment",
        "OrderDelay",
        "DelayBroadcast",
        "DelayCall",
        "Survey",
        "Complaint",
        "User",
    }
)
# PostgreSQL's bigint holds 18 decimal digits safely.
MAX_INTEGER_KEY_DIGITS = 18


def uuid_pk(value: str | None, expected_type: str) -> uuid.UUID | None:
    """The UUID key inside a global ID of `expected_type` (an order, an order line), or None
    when the value is not a global ID, names another type, or holds no UUID."""
    assert expected_type in UUID_KEYED, expected_type
    pk = _pk_of(value, expected_type)
    try:
        return uuid.UUID(pk) if pk else None
    except ValueError:
        return None


def int_pk(value: str | None, expected_type: str) -> int | None:
    """The integer key inside a global ID of `expected_type` (the plugin's own types), or None
    when the value is not a global ID, names another type, or holds no ASCII integer."""
    assert expected_type in INTEGER_KEYED, expected_type
    pk = _pk_of(value, expected_type)
    if pk and pk.isascii() and pk.isdigit() and len(pk) <= MAX_INTEGER_KEY_DIGITS:
        return int(pk)
    return None


def _pk_of(value: str | None, expected_type: str) -> str | None:
    try:
        type_name, pk = from_global_id(value or "")
    except Exception:
        return None
    return pk if type_name == expected_type and pk else None
