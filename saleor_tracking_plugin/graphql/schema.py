"""The plugin's GraphQL schema: each capability contributes its queries and mutations."""

import graphene

from .carriers import CarrierQueries
from .notifications import NotificationQueries
from .tracking import TrackingMutations, TrackingQueries


class Query(TrackingQueries, CarrierQueries, NotificationQueries, graphene.ObjectType):
    pass


class Mutation(TrackingMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
