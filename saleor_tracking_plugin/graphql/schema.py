"""The plugin's GraphQL schema: each capability contributes its queries and mutations."""

import graphene

from .carriers import CarrierQueries
from .delays import DelayMutations, DelayQueries
from .tracking import TrackingMutations, TrackingQueries


class Query(TrackingQueries, CarrierQueries, DelayQueries, graphene.ObjectType):
    pass


class Mutation(TrackingMutations, DelayMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
