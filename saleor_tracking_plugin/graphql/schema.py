"""The plugin's GraphQL schema: each capability contributes its queries and mutations."""

import graphene

from .carriers import CarrierQueries
from .delays import DelayMutations, DelayQueries
from .doctor import DoctorQueries
from .notifications import MessagePreferenceQueries, NotificationMutations, NotificationQueries
from .returns import ReturnQueries
from .returns_mutations import ReturnMutations
from .tracking import TrackingMutations, TrackingQueries


class Query(
    TrackingQueries,
    CarrierQueries,
    NotificationQueries,
    MessagePreferenceQueries,
    ReturnQueries,
    DelayQueries,
    DoctorQueries,
    graphene.ObjectType,
):
    pass


class Mutation(
    TrackingMutations,
    NotificationMutations,
    ReturnMutations,
    DelayMutations,
    graphene.ObjectType,
):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
