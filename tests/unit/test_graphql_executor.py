"""The plugin's executor (graphql/executor.py) completes objects of plain leaf fields in one
loop. Whatever a query asks, its answer and its errors must be graphql-core's own."""

from datetime import UTC, datetime
from types import SimpleNamespace

import graphene
from graphql.execution import executor as graphql_executor
from graphql.execution.middleware import MiddlewareManager
from graphql.language.parser import parse

from saleor_tracking_plugin.graphql.executor import execute

Kind = graphene.Enum("Kind", [("PARCEL", "parcel"), ("LETTER", "letter")])


class Leaf(graphene.ObjectType):
    name = graphene.String(required=True)
    size = graphene.Int()
    kind = graphene.Field(Kind)
    seen_at = graphene.DateTime()
    label = graphene.String(loud=graphene.Boolean())

    @staticmethod
    def resolve_label(root, _info, loud=False):
        label = f"{root.name if hasattr(root, 'name') else root['name']}"
        return label.upper() if loud else label


class Branch(graphene.ObjectType):
    leaves = graphene.List(graphene.NonNull(Leaf))


class Query(graphene.ObjectType):
    branch = graphene.Field(Branch, case=graphene.String(required=True))

    @staticmethod
    def resolve_branch(_root, _info, case):
        return SimpleNamespace(leaves=CASES[case])


schema = graphene.Schema(query=Query)
WHEN = datetime(2026, 11, 20, 18, tzinfo=UTC)
CASES = {
    # objects and dicts, as resolvers return both
    "plain": [
        SimpleNamespace(name="a", size=1, kind="parcel", seen_at=WHEN),
        {"name": "b", "size": None, "kind": "letter", "seen_at": None},
    ],
    # a null where the schema promises a value
    "null_name": [SimpleNamespace(name="a", size=1, kind="parcel", seen_at=WHEN), {"name": None}],
    # a value the Int type refuses
    "bad_size": [{"name": "a", "size": "many"}],
}


def both(query: str, variables: dict | None = None) -> tuple[dict, dict]:
    """The plugin executor's result and graphql-core's own, as a client would get them."""

    def answer(run) -> dict:
        result = run(schema, parse(query), variable_values=variables or {})
        errors = [(str(e), getattr(e, "path", None)) for e in result.errors or []]
        return {"data": result.data, "errors": errors}

    return answer(execute), answer(graphql_executor.execute)


def test_leaves_aliases_enums_dates_and_typenames_answer_as_graphql_core():
    # when a list of objects and dicts is asked with aliases and __typename
    ours, theirs = both(
        '{ branch(case: "plain") { leaves { __typename n: name size kind seenAt again: name } } }'
    )
    # then the answers are the same, values and order of keys alike
    assert ours == theirs
    assert list(ours["data"]["branch"]["leaves"][0]) == [
        "__typename",
        "n",
        "size",
        "kind",
        "seenAt",
        "again",
    ]


def test_skip_include_and_fragments_answer_as_graphql_core():
    # when fields are chosen by variables and fragments
    query = """
    query Q($with: Boolean!) {
      branch(case: "plain") {
        leaves { ...Names size @include(if: $with) kind @skip(if: $with) ... on Leaf { seenAt } }
      }
    }
    fragment Names on Leaf { name }
    """
    # then each choice gives graphql-core's answer
    for chosen in (True, False):
        ours, theirs = both(query, {"with": chosen})
        assert ours == theirs


def test_a_null_in_a_non_null_field_is_reported_as_graphql_core_reports_it():
    ours, theirs = both('{ branch(case: "null_name") { leaves { name size } } }')
    assert ours == theirs
    assert ours["errors"] and ours["data"]["branch"]["leaves"] is None


def test_a_value_its_type_refuses_is_reported_as_graphql_core_reports_it():
    ours, theirs = both('{ branch(case: "bad_size") { leaves { name size } } }')
    assert ours == theirs
    assert ours["errors"]


class Note:
    """A middleware noting every field it is asked to resolve."""

    def __init__(self):
        self.seen: list[str] = []

    def resolve(self, next_, root, info, **args):
        self.seen.append(info.field_name)
        return next_(root, info, **args)


def test_objects_with_a_field_taking_arguments_pass_every_field_through_middleware():
    # when leaves are asked beside a field with an argument
    note = Note()
    query = '{ branch(case: "plain") { leaves { name label(loud: true) } } }'
    result = execute(schema, parse(query), middleware=MiddlewareManager(note))
    # then every field of those objects passed the middleware, as with graphql-core
    assert result.data["branch"]["leaves"][1] == {"name": "b", "label": "B"}
    assert note.seen == ["branch", "leaves", "name", "label", "name", "label"]


def test_objects_of_plain_leaves_are_completed_without_per_field_middleware():
    # when only plain leaves are asked of the objects of a list
    note = Note()
    query = '{ branch(case: "plain") { leaves { name size } } }'
    result = execute(schema, parse(query), middleware=MiddlewareManager(note))
    # then the answer is complete and only the fields above them passed the middleware
    assert result.data["branch"]["leaves"] == [
        {"name": "a", "size": 1},
        {"name": "b", "size": None},
    ]
    assert note.seen == ["branch", "leaves"]
