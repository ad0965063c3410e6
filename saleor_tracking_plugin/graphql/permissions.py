"""Who may call each query and mutation, declared where the field is defined (as Saleor's
mutations declare `Meta.permissions`) and enforced in one place, before any resolver runs.

A root field without a declaration is treated as staff-only, and the schema test fails for it.
"""

from enum import Enum

import graphene
from graphene.types.unmountedtype import UnmountedType

from .core import PermissionDenied


class Access(Enum):
    PUBLIC = "anyone"
    # The order's owner, staff with MANAGE_ORDERS, or a guest with its number and email; the
    # resolver finds the order through `order_access.find_order`, which enforces it.
    ORDER_HOLDER = "order holder"
    CUSTOMER = "logged-in customer"
    MANAGE_ORDERS = "MANAGE_ORDERS"
    # The plugin's settings: who may change them on Saleor's plugin page.
    MANAGE_PLUGINS = "MANAGE_PLUGINS"


ACCESS_ATTRIBUTE = "plugin_access"


def requires(access: Access, field: graphene.Field | UnmountedType) -> graphene.Field:
    """Declare who may call a root query or mutation field; returns the field."""
    if isinstance(field, UnmountedType):
        # `graphene.List(...)` becomes a Field only when its type is built; mount it now so
        # the declaration stays on the field the schema uses.
        field = field.mount_as(graphene.Field)
    setattr(field, ACCESS_ATTRIBUTE, access)
    return field


def declared_access(*root_types: type[graphene.ObjectType]) -> dict[str, Access | None]:
    """The declared access of every field of the root types, by its GraphQL name."""
    from graphene.utils.str_converters import to_camel_case

    table: dict[str, Access | None] = {}
    for root_type in root_types:
        for attribute, field in root_type._meta.fields.items():
            name = field.name or to_camel_case(attribute)
            table[name] = getattr(field, ACCESS_ATTRIBUTE, None)
    return table


class PermissionGate:
    """Graphene middleware refusing root fields the caller may not use."""

    def __init__(self, access: dict[str, Access | None]):
        self.access = access

    def resolve(self, next_, root, info, **args):
        if root is None and info.path and len(info.path) == 1:
            self.check(self.access.get(info.field_name), info.context.requestor)
        return next_(root, info, **args)

    @staticmethod
    def check(access: Access | None, requestor) -> None:
        if access in (Access.PUBLIC, Access.ORDER_HOLDER):
            return
        if access is Access.CUSTOMER:
            if requestor.user is None:
                raise PermissionDenied("Log in to see or change your message preferences.")
            return
        if access is Access.MANAGE_PLUGINS:
            if not requestor.can_manage_plugins:
                raise PermissionDenied("You need the MANAGE_PLUGINS permission.")
            return
        # MANAGE_ORDERS, and any field that forgot to declare its access.
        if not requestor.can_manage_orders:
            raise PermissionDenied()
