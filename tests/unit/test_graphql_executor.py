"""The plugin's executor (graphql/executor.py) completes objects of plain leaf fields in one
loop. Whatever a query asks, its answer and its errors must be graphql-core's own."""

from datetime import UTC, datetime
from types import SimpleNamespace

import graphene
from graphql.execution import executor as graphql_executor
from graphql.execution.middleware import MiddlewareManager
from graphql.language.parser import parse
from promise import Promise

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


class Twig(graphene.ObjectType):
    """Fields with resolvers of their own: leaves, an object and a list."""

    name = graphene.String(required=True)
    shout = graphene.String()
    first = graphene.Field(Leaf)
    leaves = graphene.List(graphene.NonNull(Leaf), required=True)

    @staticmethod
    def resolve_shout(root, _info):
        if root.get("boom"):
            raise ValueError("the twig broke")
        return root["name"].upper()

    @staticmethod
    def resolve_first(root, _info):
        if root.get("later"):
            return Promise.resolve(root["leaves"][0])
        return root["leaves"][0] if root["leaves"] else None

    @staticmethod
    def resolve_leaves(root, _info):
        # a generator can be read once: graphql-core's path must read it, not a copy's
        return (leaf for leaf in root["leaves"]) if root.get("generator") else root["leaves"]


class Branch(graphene.ObjectType):
    leaves = graphene.List(graphene.NonNull(Leaf))
    twigs = graphene.List(Twig)


class Query(graphene.ObjectType):
    branch = graphene.Field(Branch, case=graphene.String(required=True))

    @staticmethod
    def resolve_branch(_root, _info, case):
        if case == "iterator":  # can be read once, and holds a null where the schema has none
            return SimpleNamespace(leaves=iter(CASES["null_name"]))
        return SimpleNamespace(leaves=CASES.get(case, []), twigs=TWIGS.get(case, []))


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
LEAVES = [{"name": "x", "size": 3, "kind": "letter"}, {"name": "y", "size": 4}]
TWIGS = {
    "plain": [{"name": "oak", "leaves": LEAVES}, None, {"name": "elm", "leaves": []}],
    # a resolver that raises, in one twig of several
    "boom": [{"name": "oak", "leaves": LEAVES}, {"name": "ash", "boom": True, "leaves": []}],
    "generator": [{"name": "oak", "leaves": LEAVES, "generator": True}],
    "promise": [{"name": "oak", "leaves": LEAVES, "later": True}],
}
TWIG_QUERY = """
query Twigs($case: String!) {
  branch(case: $case) { twigs { name shout first { name kind } leaves { name size } } }
}
"""


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


def test_objects_without_arguments_below_them_are_completed_without_per_field_middleware():
    # when a list of objects is asked with plain leaves only
    note = Note()
    query = '{ branch(case: "plain") { leaves { name size } } }'
    result = execute(schema, parse(query), middleware=MiddlewareManager(note))
    # then the answer is complete and only the root field passed the middleware
    assert result.data["branch"]["leaves"] == [
        {"name": "a", "size": 1},
        {"name": "b", "size": None},
    ]
    assert note.seen == ["branch"]


def test_resolvers_objects_and_lists_below_a_root_field_answer_as_graphql_core():
    # when fields with resolvers of their own, a nested object and lists of objects are asked
    note = Note()
    result = execute(
        schema,
        parse(TWIG_QUERY),
        variable_values={"case": "plain"},
        middleware=MiddlewareManager(note),
    )
    ours, theirs = both(TWIG_QUERY, {"case": "plain"})
    # then the answer is graphql-core's, nulls in lists and empty lists included, and only
    # the root field passed the middleware
    assert ours == theirs
    assert ours["data"]["branch"]["twigs"][0]["first"] == {"name": "x", "kind": "LETTER"}
    assert ours["data"]["branch"]["twigs"][1] is None
    assert result.data == ours["data"]
    assert note.seen == ["branch"]


def test_a_resolver_that_raises_is_reported_as_graphql_core_reports_it():
    ours, theirs = both(TWIG_QUERY, {"case": "boom"})
    assert ours == theirs
    assert ours["errors"] == [("the twig broke", ["branch", "twigs", 1, "shout"])]
    assert ours["data"]["branch"]["twigs"][1]["shout"] is None


def test_a_list_read_from_a_generator_answers_as_graphql_core():
    ours, theirs = both(TWIG_QUERY, {"case": "generator"})
    assert ours == theirs
    assert [leaf["name"] for leaf in ours["data"]["branch"]["twigs"][0]["leaves"]] == ["x", "y"]


def test_a_list_held_as_an_iterator_is_read_once_by_graphql_core_itself():
    # when an attribute holds an iterator whose second object breaks the schema
    ours, theirs = both('{ branch(case: "iterator") { leaves { name size } } }')
    # then graphql-core read it (the loop would have used it up) and reported the null
    assert ours == theirs
    assert ours["errors"] and ours["data"]["branch"]["leaves"] is None


def test_a_resolver_returning_a_promise_answers_as_graphql_core():
    ours, theirs = both(TWIG_QUERY, {"case": "promise"})
    assert ours == theirs
    assert ours["data"]["branch"]["twigs"][0]["first"]["name"] == "x"
