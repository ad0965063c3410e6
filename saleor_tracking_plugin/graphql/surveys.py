"""Storefront GraphQL of surveys: the order's survey and the customer's answer, for the
order's owner, or a guest with its number and email (the same access as `orderTracking`)."""

import graphene
from django.utils import timezone, translation

from ..config import load_settings
from ..surveys.actions import Answer, can_answer, edit_deadline, submit_answer
from ..surveys.labels import TOPIC_LABELS
from ..surveys.links import survey_link
from ..surveys.models import Survey, SurveyCoupon
from ..surveys.rules import MAX_COMMENT_LENGTH, MAX_SCORE, MIN_SCORE, AnswerError, Topic
from .core import MutationError, global_id, mutation_error
from .order_access import find_order
from .permissions import Access, requires
from .return_enums import LanguageEnum

SurveyTopicEnum = graphene.Enum.from_enum(Topic, description="What feedback is about.")
SurveyStateEnum = graphene.Enum(
    "SurveyState",
    [
        ("NOT_AVAILABLE", "not_available"),
        ("OPEN", "open"),
        ("ANSWERED", "answered"),
        ("CLOSED", "closed"),
    ],
    description=(
        "NOT_AVAILABLE until the order is delivered; OPEN to answer; ANSWERED and still "
        "changeable; CLOSED once the edit window has passed."
    ),
)


class SurveyTopicOption(graphene.ObjectType):
    code = SurveyTopicEnum(required=True, description="The topic.")
    label = graphene.String(required=True, description="The topic in the asked language.")


class SurveyQuestions(graphene.ObjectType):
    min_score = graphene.Int(required=True, description="Lowest score (1).")
    max_score = graphene.Int(required=True, description="Highest score (5).")
    topics = graphene.List(
        graphene.NonNull(SurveyTopicOption), required=True, description="Topics to tick."
    )
    comment_max_length = graphene.Int(required=True, description="Longest comment accepted.")


class OrderSurvey(graphene.ObjectType):
    order_id = graphene.ID(required=True, description="Saleor global ID of the order.")
    number = graphene.String(required=True, description="The order number.")
    state = SurveyStateEnum(required=True, description="Whether it can be answered now.")
    questions = graphene.Field(
        graphene.NonNull(SurveyQuestions), description="What the survey asks."
    )
    link = graphene.String(required=True, description="The hosted survey page (signed link).")
    score = graphene.Int(description="The customer's score, once answered.")
    comment = graphene.String(description="The customer's comment.")
    topics = graphene.List(graphene.NonNull(SurveyTopicEnum), description="Topics ticked.")
    contact_consent = graphene.Boolean(description="The customer may be contacted.")
    answered_at = graphene.DateTime(description="When it was first answered.")
    editable_until = graphene.DateTime(description="Until when the answer may be changed.")
    coupon_code = graphene.String(description="Personal thank-you code, if one was given.")


def order_survey(order, language: str = "en") -> OrderSurvey:
    """The survey of an order as the storefront sees it."""
    settings = load_settings()
    survey = Survey.objects.filter(order=order).first()
    deadline = edit_deadline(survey, settings) if survey is not None else None
    if survey is not None and survey.answered_at is not None:
        state = "answered" if deadline and timezone.now() <= deadline else "closed"
    else:
        state = "open" if can_answer(order, survey) else "not_available"
    coupon = SurveyCoupon.objects.filter(survey=survey).first() if survey is not None else None
    with translation.override(language):
        topics = [
            SurveyTopicOption(code=topic.value, label=str(label))
            for topic, label in TOPIC_LABELS.items()
        ]
    answered = survey is not None and survey.answered_at is not None
    return OrderSurvey(
        order_id=global_id("Order", order.pk),
        number=str(order.number),
        state=state,
        questions=SurveyQuestions(
            min_score=MIN_SCORE,
            max_score=MAX_SCORE,
            topics=topics,
            comment_max_length=MAX_COMMENT_LENGTH,
        ),
        link=survey_link(order),
        score=survey.score if answered and survey else None,
        comment=survey.comment if answered and survey else None,
        topics=survey.topics if answered and survey else None,
        contact_consent=survey.contact_consent if answered and survey else None,
        answered_at=survey.answered_at if survey else None,
        editable_until=deadline,
        coupon_code=coupon.code if coupon else None,
    )


def _locator() -> dict:
    return {
        "id": graphene.ID(description="Order ID, for its logged-in owner or staff."),
        "number": graphene.String(description="Order number, for guests (with `email`)."),
        "email": graphene.String(description="The order's email, for guests (with `number`)."),
    }


class SurveyQueries(graphene.ObjectType):
    order_survey = requires(
        Access.ORDER_HOLDER,
        graphene.Field(
            OrderSurvey,
            **_locator(),
            language=LanguageEnum(description="Language of the topic labels; English by default."),
            description=(
                "The satisfaction survey of an order: state, questions and the hosted page's link. "
                "By `id` for its owner or staff, by `number` and `email` for guests (as "
                "`orderTracking`)."
            ),
        ),
    )

    @staticmethod
    def resolve_order_survey(_root, info, id=None, number=None, email=None, language=None):
        order = find_order(info.context, info.context.requestor, id, number, email)
        return order_survey(order, language or "en")


class SurveyAnswerInput(graphene.InputObjectType):
    score = graphene.Int(required=True, description="Score from 1 (unhappy) to 5 (happy).")
    comment = graphene.String(description="Optional comment, at most 2,000 characters.")
    topics = graphene.List(graphene.NonNull(SurveyTopicEnum), description="What it is about.")
    contact_consent = graphene.Boolean(description="The shop may contact the customer.")


class SurveySubmit(graphene.Mutation):
    """Answer (or, within the edit window, change) the order's survey. Refusals come back
    in `errors` (INVALID_SCORE, COMMENT_TOO_LONG, INVALID_TOPIC, EDIT_WINDOW_CLOSED,
    NOT_AVAILABLE) and store nothing."""

    class Arguments:
        id = graphene.ID(description="Order ID, for its logged-in owner or staff.")
        number = graphene.String(description="Order number, for guests (with `email`).")
        email = graphene.String(description="The order's email, for guests (with `number`).")
        input = SurveyAnswerInput(required=True, description="The answer.")

    survey = graphene.Field(OrderSurvey, description="The survey with the answer.")
    errors = graphene.List(graphene.NonNull(MutationError), required=True)

    @staticmethod
    def mutate(_root, info, input, id=None, number=None, email=None):
        order = find_order(info.context, info.context.requestor, id, number, email)
        topics = input.get("topics")
        answer = Answer(
            score=input["score"],
            comment=input.get("comment"),
            topics=[str(getattr(t, "value", t)) for t in topics] if topics is not None else None,
            contact_consent=input.get("contact_consent"),
        )
        try:
            submit_answer(order, answer)
        except AnswerError as error:
            return SurveySubmit(errors=[mutation_error(error.code, str(error), error.field)])
        return SurveySubmit(survey=order_survey(order), errors=[])


class SurveyMutations(graphene.ObjectType):
    survey_submit = requires(
        Access.ORDER_HOLDER,
        SurveySubmit.Field(
            description="Answer an order's satisfaction survey (owner, or guest number + email)."
        ),
    )
