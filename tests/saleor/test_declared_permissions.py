"""Every query and mutation declares who may call it, and every staff field refuses callers
without MANAGE_ORDERS before its resolver runs: the test walks the whole schema, so a new
field cannot forget."""

import pytest
from graphql.type import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)

from saleor_tracking_plugin.graphql.permissions import Access
from saleor_tracking_plugin.graphql.schema import ROOT_FIELD_ACCESS, schema

from ..fixtures import tracking_content

pytestmark = pytest.mark.django_db

SCALAR_LITERALS = {
    "ID": '"VGVzdDox"',
    "String": '"x"',
    "Int": "1",
    "Boolean": "true",
    "Date": '"2026-01-01"',
    "DateTime": '"2026-01-01T00:00:00+00:00"',
}


def root_fields() -> list[tuple[str, str, object]]:
    found = []
    roots = (("query", schema.get_query_type()), ("mutation", schema.get_mutation_type()))
    for operation, root in roots:
        for name, field in root.fields.items():
            found.append((operation, name, field))
    return found


def literal(graphql_type) -> str:
    """A valid literal of a type, with only required input fields filled."""
    if isinstance(graphql_type, GraphQLNonNull):
        return literal(graphql_type.of_type)
    if isinstance(graphql_type, GraphQLList):
        return f"[{literal(graphql_type.of_type)}]"
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values)).name
    if isinstance(graphql_type, GraphQLInputObjectType):
        required = [
            f"{name}: {literal(field.type)}"
            for name, field in graphql_type.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        ]
        return "{" + ", ".join(required) + "}"
    assert isinstance(graphql_type, GraphQLScalarType), graphql_type
    return SCALAR_LITERALS[graphql_type.name]


def selection(graphql_type) -> str:
    while isinstance(graphql_type, GraphQLNonNull | GraphQLList):
        graphql_type = graphql_type.of_type
    if isinstance(graphql_type, GraphQLObjectType):
        return "{ __typename }"
    return ""


def document(operation: str, name: str, field) -> str:
    args = ", ".join(
        f"{arg}: {literal(definition.type)}"
        for arg, definition in field.args.items()
        if isinstance(definition.type, GraphQLNonNull)
    )
    call = f"{name}({args})" if args else name
    return f"{operation} {{ {call} {selection(field.type)} }}"


def test_every_query_and_mutation_declares_who_may_call_it():
    undeclared = [name for name, access in ROOT_FIELD_ACCESS.items() if access is None]

    assert undeclared == []


def test_every_staff_field_says_so_in_its_description():
    for _operation, name, field in root_fields():
        if ROOT_FIELD_ACCESS[name] in (Access.MANAGE_ORDERS, Access.MANAGE_PLUGINS):
            assert ROOT_FIELD_ACCESS[name].value in (field.description or ""), name


def test_settings_fields_refuse_staff_with_manage_orders_only(staff_tracking_client):
    settings_fields = [
        (operation, name, field)
        for operation, name, field in root_fields()
        if ROOT_FIELD_ACCESS[name] is Access.MANAGE_PLUGINS
    ]
    assert len(settings_fields) >= 2

    for operation, name, field in settings_fields:
        content = tracking_content(
            staff_tracking_client.post_graphql(document(operation, name, field))
        )
        codes = [error["extensions"]["code"] for error in content.get("errors", [])]
        assert codes == ["PERMISSION_DENIED"], (name, content)


@pytest.mark.parametrize("caller", ["guest", "customer", "staff_without_orders"])
def test_every_staff_field_refuses_callers_without_manage_orders(
    caller,
    guest_tracking_client,
    customer_tracking_client,
    staff_without_orders_tracking_client,
):
    client = {
        "guest": guest_tracking_client,
        "customer": customer_tracking_client,
        "staff_without_orders": staff_without_orders_tracking_client,
    }[caller]
    staff_fields = [
        (operation, name, field)
        for operation, name, field in root_fields()
        if ROOT_FIELD_ACCESS[name] is not Access.PUBLIC
        and ROOT_FIELD_ACCESS[name] is not Access.ORDER_HOLDER
        and ROOT_FIELD_ACCESS[name] is not Access.CUSTOMER
    ]
    assert len(staff_fields) >= 15

    for operation, name, field in staff_fields:
        content = tracking_content(client.post_graphql(document(operation, name, field)))
        codes = [error["extensions"]["code"] for error in content.get("errors", [])]
        assert codes == ["PERMISSION_DENIED"], (name, content)


def test_customer_fields_refuse_guests(guest_tracking_client):
    for operation, name, field in root_fields():
        if ROOT_FIELD_ACCESS[name] is Access.CUSTOMER:
            content = tracking_content(
                guest_tracking_client.post_graphql(document(operation, name, field))
            )
            assert content["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED", name
