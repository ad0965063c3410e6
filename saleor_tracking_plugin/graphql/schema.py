"""The plugin's GraphQL schema: each capability contributes its queries and mutations."""

import graphene

from .returns import ReturnQueries
from .returns_mutations import ReturnMutations
from .tracking import TrackingMutations, TrackingQueries


class Query(TrackingQueries, ReturnQueries, graphene.ObjectType):
    pass


class Mutation(TrackingMutations, ReturnMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
