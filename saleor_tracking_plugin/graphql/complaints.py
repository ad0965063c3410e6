"""Staff GraphQL of surveys and complaints (MANAGE_ORDERS): answers, the complaint queue,
assigning, replying and resolving. Refusals come back as typed `errors`."""

import graphene
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from ..notifications.facts import customer_email, customer_name
from ..saleor_glue.accounts import find_user
from ..saleor_glue.order_joins import order_with_contacts
from ..surveys import complaints
from ..surveys.models import Complaint, ComplaintMessage, Survey
from ..surveys.rules import AWAITING_STAFF, ComplaintStatus
from ..tracking.models import Shipment
from .core import MutationError, global_id, int_pk, mutation_error, uuid_pk
from .pagination import DATETIME, INTEGER, SortKey, connection, connection_arguments, paginate
from .permissions import Access, requires
from .surveys import SurveyTopicEnum

MAX_PAGE_SIZE = 100

ComplaintStatusEnum = graphene.Enum.from_enum(
    ComplaintStatus, description="Where a complaint stands."
)


class SurveyResponse(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global ID of the survey.")
    order_id = graphene.ID(required=True, description="Saleor global ID of the order.")
    order_number = graphene.String(required=True, description="The order number.")
    score = graphene.Int(required=True, description="Score from 1 to 5.")
    comment = graphene.String(required=True, description="Comment (empty once erased).")
    topics = graphene.List(graphene.NonNull(SurveyTopicEnum), required=True)
    contact_consent = graphene.Boolean(required=True, description="May be contacted.")
    answered_at = graphene.DateTime(required=True, description="First answered.")
    updated_at = graphene.DateTime(required=True, description="Last changed.")

    @staticmethod
    def resolve_id(root: Survey, _info):
        return global_id("Survey", root.pk)

    @staticmethod
    def resolve_order_id(root: Survey, _info):
        return global_id("Order", root.order_id)

    @staticmethod
    def resolve_order_number(root: Survey, _info):
        return str(root.order.number)


class ComplaintThreadMessage(graphene.ObjectType):
    from_customer = graphene.Boolean(required=True, description="Written by the customer.")
    body = graphene.String(required=True, description="The text (empty once erased).")
    author = graphene.String(description="Staff email or app name; null for the customer.")
    created_at = graphene.DateTime(required=True, description="When it was written.")

    @staticmethod
    def resolve_author(root: ComplaintMessage, _info):
        if root.user:
            return root.user.email
        return root.app.name if root.app else None


class ComplaintType(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global ID of the complaint.")
    order_id = graphene.ID(required=True, description="Saleor global ID of the order.")
    order_number = graphene.String(required=True, description="The order number.")
    customer_name = graphene.String(required=True, description="Name on the order.")
    email = graphene.String(required=True, description="The order's email.")
    score = graphene.Int(description="The score that opened it, if any.")
    comment = graphene.String(required=True, description="The customer's words.")
    topics = graphene.List(graphene.NonNull(SurveyTopicEnum), required=True)
    contact_consent = graphene.Boolean(required=True, description="May be contacted.")
    status = ComplaintStatusEnum(required=True, description="Where it stands.")
    opened_at = graphene.DateTime(required=True, description="When it was opened.")
    due_at = graphene.DateTime(required=True, description="Answer due by (business hours).")
    overdue = graphene.Boolean(required=True, description="Waiting for staff past its due time.")
    first_response_at = graphene.DateTime(description="First staff answer.")
    assignee = graphene.String(description="Email of the staff member it is assigned to.")
    resolved_at = graphene.DateTime(description="When it was resolved.")
    messages = graphene.List(
        graphene.NonNull(ComplaintThreadMessage), required=True, description="The thread."
    )

    class Meta:
        name = "Complaint"

    @staticmethod
    def resolve_id(root: Complaint, _info):
        return global_id("Complaint", root.pk)

    @staticmethod
    def resolve_order_id(root: Complaint, _info):
        return global_id("Order", root.order_id)

    @staticmethod
    def resolve_order_number(root: Complaint, _info):
        return str(root.order.number)

    @staticmethod
    def resolve_customer_name(root: Complaint, _info):
        return customer_name(root.order)

    @staticmethod
    def resolve_email(root: Complaint, _info):
        return customer_email(root.order)

    @staticmethod
    def resolve_overdue(root: Complaint, _info):
        return root.status in AWAITING_STAFF and root.due_at <= timezone.now()

    @staticmethod
    def resolve_assignee(root: Complaint, _info):
        return root.assignee.email if root.assignee else None

    @staticmethod
    def resolve_messages(root: Complaint, _info):
        return root.messages.all()


class SurveyResponseFilterInput(graphene.InputObjectType):
    score_min = graphene.Int(description="Scores at or above this.")
    score_max = graphene.Int(description="Scores at or below this.")
    answered_from = graphene.DateTime(description="Answered at or after this instant.")
    answered_to = graphene.DateTime(description="Answered before this instant.")
    with_comment = graphene.Boolean(description="Only answers with a comment.")


class ComplaintFilterInput(graphene.InputObjectType):
    status = graphene.List(graphene.NonNull(ComplaintStatusEnum), description="Any of these.")
    overdue = graphene.Boolean(description="Only complaints waiting past their due time.")
    assignee_id = graphene.ID(description="Only complaints assigned to this staff member.")
    carrier = graphene.String(description="Only orders shipped with this carrier code.")
    opened_from = graphene.DateTime(description="Opened at or after this instant.")
    opened_to = graphene.DateTime(description="Opened before this instant.")
    order_id = graphene.ID(description="Only complaints about this order.")


def _complaints() -> QuerySet[Complaint]:
    return Complaint.objects.select_related(*order_with_contacts(), "assignee").prefetch_related(
        "messages__user", "messages__app"
    )


def _filtered_complaints(data: dict) -> QuerySet[Complaint]:
    queryset = _complaints()
    if data.get("status"):
        queryset = queryset.filter(status__in=[str(getattr(s, "value", s)) for s in data["status"]])
    if data.get("overdue") is not None:
        late = {"status__in": list(AWAITING_STAFF), "due_at__lte": timezone.now()}
        queryset = queryset.filter(**late) if data["overdue"] else queryset.exclude(**late)
    if data.get("assignee_id"):
        queryset = queryset.filter(assignee_id=int_pk(data["assignee_id"], "User"))
    if data.get("carrier"):
        shipped_with = Shipment.objects.filter(
            order_id=OuterRef("order_id"), carrier_code=data["carrier"]
        )
        queryset = queryset.filter(Exists(shipped_with))
    if data.get("order_id"):
        order_pk = uuid_pk(data["order_id"], "Order")
        queryset = queryset.filter(order_id=order_pk) if order_pk else queryset.none()
    if data.get("opened_from"):
        queryset = queryset.filter(opened_at__gte=data["opened_from"])
    if data.get("opened_to"):
        queryset = queryset.filter(opened_at__lt=data["opened_to"])
    return queryset


class SurveyResponseConnection(graphene.relay.Connection):
    class Meta:
        node = SurveyResponse
        description = "A page of survey answers."


class ComplaintConnection(graphene.relay.Connection):
    class Meta:
        node = ComplaintType
        description = "A page of complaints."


NEWEST_ANSWERS_FIRST = (
    SortKey("answered_at", DATETIME, descending=True),
    SortKey("pk", INTEGER, descending=True),
)
MOST_URGENT_FIRST = (SortKey("due_at", DATETIME), SortKey("pk", INTEGER))


class ComplaintQueries(graphene.ObjectType):
    survey_responses = requires(
        Access.MANAGE_ORDERS,
        graphene.Field(
            SurveyResponseConnection,
            required=True,
            filter=SurveyResponseFilterInput(description="Filters."),
            **connection_arguments(MAX_PAGE_SIZE),
            description=(
                "Survey answers, newest first, in pages (Relay cursors). Requires MANAGE_ORDERS."
            ),
        ),
    )
    complaints = requires(
        Access.MANAGE_ORDERS,
        graphene.Field(
            ComplaintConnection,
            required=True,
            filter=ComplaintFilterInput(description="Filters."),
            **connection_arguments(MAX_PAGE_SIZE),
            description=(
                "Complaints, the most urgent due time first, in pages (Relay cursors). "
                "Requires MANAGE_ORDERS."
            ),
        ),
    )

    @staticmethod
    def resolve_survey_responses(_root, info, filter=None, **page):
        data = filter or {}
        queryset = Survey.objects.filter(answered_at__isnull=False).select_related("order")
        if data.get("score_min") is not None:
            queryset = queryset.filter(score__gte=data["score_min"])
        if data.get("score_max") is not None:
            queryset = queryset.filter(score__lte=data["score_max"])
        if data.get("answered_from"):
            queryset = queryset.filter(answered_at__gte=data["answered_from"])
        if data.get("answered_to"):
            queryset = queryset.filter(answered_at__lt=data["answered_to"])
        if data.get("with_comment"):
            queryset = queryset.exclude(comment="")
        found = paginate(queryset, NEWEST_ANSWERS_FIRST, MAX_PAGE_SIZE, **page)
        return connection(SurveyResponseConnection, found)

    @staticmethod
    def resolve_complaints(_root, info, filter=None, **page):
        complaints_found = _filtered_complaints(filter or {})
        found = paginate(complaints_found, MOST_URGENT_FIRST, MAX_PAGE_SIZE, **page)
        return connection(ComplaintConnection, found)


class ComplaintPayload(graphene.ObjectType):
    complaint = graphene.Field(ComplaintType, description="The complaint after the change.")
    errors = graphene.List(graphene.NonNull(MutationError), required=True)


def _run(info, id: str, step) -> ComplaintPayload:
    pk = int_pk(id, "Complaint")
    if pk is None:
        return ComplaintPayload(errors=[mutation_error("NOT_FOUND", "Complaint not found.", "id")])
    requestor = info.context.requestor
    try:
        step(pk, requestor.user, requestor.app)
    except complaints.ComplaintError as error:
        return ComplaintPayload(errors=[mutation_error(error.code, str(error), error.field)])
    return ComplaintPayload(complaint=_complaints().get(pk=pk), errors=[])


class ComplaintAssign(graphene.Mutation):
    """Assign a complaint to a staff member, or to nobody."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the complaint.")
        assignee_id = graphene.ID(description="Global ID of a staff user; null: nobody.")

    Output = ComplaintPayload

    @staticmethod
    def mutate(_root, info, id, assignee_id=None):
        assignee = None
        if assignee_id:
            pk = int_pk(assignee_id, "User")
            assignee = find_user(pk) if pk else None
            if assignee is None:
                return ComplaintPayload(
                    errors=[mutation_error("NOT_FOUND", "Staff member not found.", "assigneeId")]
                )
        return _run(
            info, id, lambda pk, user, app: complaints.assign(pk, assignee, user=user, app=app)
        )


class ComplaintReply(graphene.Mutation):
    """Answer the customer; the message goes out with a link to the complaint's thread page."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the complaint.")
        message = graphene.String(required=True, description="The answer, to the customer.")

    Output = ComplaintPayload

    @staticmethod
    def mutate(_root, info, id, message):
        return _run(
            info, id, lambda pk, user, app: complaints.reply(pk, message, user=user, app=app)
        )


class ComplaintResolve(graphene.Mutation):
    """Mark the complaint resolved (a later message from the customer reopens it)."""

    class Arguments:
        id = graphene.ID(required=True, description="Global ID of the complaint.")

    Output = ComplaintPayload

    @staticmethod
    def mutate(_root, info, id):
        return _run(info, id, lambda pk, user, app: complaints.resolve(pk, user=user, app=app))


class ComplaintMutations(graphene.ObjectType):
    complaint_assign = requires(
        Access.MANAGE_ORDERS,
        ComplaintAssign.Field(description="Assign a complaint. Requires MANAGE_ORDERS."),
    )
    complaint_reply = requires(
        Access.MANAGE_ORDERS,
        ComplaintReply.Field(description="Answer a complaint's customer. Requires MANAGE_ORDERS."),
    )
    complaint_resolve = requires(
        Access.MANAGE_ORDERS,
        ComplaintResolve.Field(description="Resolve a complaint. Requires MANAGE_ORDERS."),
    )
