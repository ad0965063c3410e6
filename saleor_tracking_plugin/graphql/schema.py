"""The plugin's GraphQL schema: each capability contributes its queries and mutations."""

import graphene

from .broadcasts import BroadcastMutations, BroadcastQueries
from .carriers import CarrierQueries
from .complaints import ComplaintMutations, ComplaintQueries
from .delays import DelayMutations, DelayQueries
from .doctor import DoctorQueries
from .metrics import MetricQueries
from .notifications import MessagePreferenceQueries, NotificationMutations, NotificationQueries
from .permissions import declared_access
from .returns import ReturnQueries
from .returns_mutations import ReturnMutations
from .settings import SettingsMutations, SettingsQueries
from .surveys import SurveyMutations, SurveyQueries
from .tracking import TrackingMutations, TrackingQueries


class Query(
    TrackingQueries,
    CarrierQueries,
    NotificationQueries,
    MessagePreferenceQueries,
    ReturnQueries,
    DelayQueries,
    BroadcastQueries,
    DoctorQueries,
    SurveyQueries,
    ComplaintQueries,
    MetricQueries,
    SettingsQueries,
    graphene.ObjectType,
):
    pass


class Mutation(
    TrackingMutations,
    NotificationMutations,
    ReturnMutations,
    DelayMutations,
    BroadcastMutations,
    SurveyMutations,
    ComplaintMutations,
    SettingsMutations,
    graphene.ObjectType,
):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
# Who may call each root field, as the fields declare it.
ROOT_FIELD_ACCESS = declared_access(Query, Mutation)
