"""The plugin's GraphQL schema: each capability contributes its queries and mutations."""

import graphene

from .notifications import MessagePreferenceQueries, NotificationMutations, NotificationQueries
from .tracking import TrackingMutations, TrackingQueries


class Query(TrackingQueries, NotificationQueries, MessagePreferenceQueries, graphene.ObjectType):
    pass


class Mutation(TrackingMutations, NotificationMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
