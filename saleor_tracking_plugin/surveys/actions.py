"""The customer's answer to the survey: validated whole, stored once per order, editable for
`survey_edit_days`; a low score opens a complaint, a good one may earn a coupon."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from ..config import Settings, load_settings
from ..notifications.api import notify
from ..saleor_glue.orders import add_timeline_event
from . import complaints, coupons
from .config import survey_settings
from .facts import delivery_facts
from .links import survey_link
from .messages import SURVEY_THANKS
from .models import Survey, SurveyStatus
from .rules import (
    AnswerError,
    clean_comment,
    clean_score,
    clean_topics,
    edit_window_open,
    survey_due_at,
)

if TYPE_CHECKING:
    from saleor.order.models import Order


@dataclass(frozen=True)
class Answer:
    """What the customer sent; None leaves a part of an earlier answer as it was."""

    score: Any
    comment: str | None = None
    topics: list[str] | None = None
    contact_consent: bool | None = None


def can_answer(order: "Order", survey: Survey | None) -> bool:
    """The order was asked, or is delivered (a storefront may ask before the email does)."""
    if survey is not None and (survey.status == SurveyStatus.SENT or survey.answered_at):
        return True
    facts = delivery_facts(order)
    return survey_due_at(facts, delay_hours=0, fallback_days=0) is not None


def edit_deadline(survey: Survey, settings: Settings) -> datetime | None:
    """Until when the customer may change their answer; None before the first answer."""
    if survey.answered_at is None:
        return None
    return survey.answered_at + timedelta(days=settings.typed(survey_settings).edit_days)


def submit_answer(
    order: "Order", answer: Answer, now: datetime | None = None, settings: Settings | None = None
) -> Survey:
    """Record (or change) the order's one answer. Raises AnswerError and stores nothing when
    the score, comment or topics are invalid, the order cannot be rated yet, or the edit
    window has closed."""
    settings = settings or load_settings()
    config = settings.typed(survey_settings)
    now = now or timezone.now()
    score = clean_score(answer.score)
    comment = clean_comment(answer.comment) if answer.comment is not None else None
    topics = clean_topics(answer.topics) if answer.topics is not None else None
    with transaction.atomic():
        survey = Survey.objects.select_for_update().filter(order=order).first()
        if not can_answer(order, survey):
            raise AnswerError("NOT_AVAILABLE", "This order cannot be rated yet.")
        if survey is None:
            survey = Survey.objects.create(order=order, status=SurveyStatus.SENT, sent_at=None)
        if not edit_window_open(survey.answered_at, now, config.edit_days):
            raise AnswerError(
                "EDIT_WINDOW_CLOSED", "Your answer can no longer be changed.", "score"
            )
        first_answer = survey.answered_at is None
        changed_score = survey.score != score
        survey.score = score
        if comment is not None:
            survey.comment = comment
        if topics is not None:
            survey.topics = topics
        if answer.contact_consent is not None:
            survey.contact_consent = answer.contact_consent
        if first_answer:
            survey.answered_at = now
        survey.save()
        if first_answer or changed_score:
            add_timeline_event(
                order,
                f"Customer rated the order {score}/5"
                + ("" if first_answer else " (changed the rating)"),
                {"survey_id": survey.pk, "score": score},
            )
        if score <= config.complaint_max_score:
            complaints.open_from_survey(survey, now=now, settings=settings)
        else:
            complaints.update_from_survey(survey)
        coupon = None
        if score >= config.coupon_min_score:
            coupon = coupons.issue_for(survey, now=now, settings=settings)
        if first_answer or coupon is not None:
            _thank(order, survey, coupon, first_answer)
    return survey


def _thank(order: "Order", survey: Survey, coupon, first_answer: bool) -> None:
    context: dict[str, Any] = {"thanks_link": survey_link(order)}
    if coupon is not None:
        context["coupon_code"] = coupon.code
        if coupon.expires_at:
            context["coupon_expires"] = coupon.expires_at
    # A coupon earned by changing the rating is told in a message of its own.
    key = "survey:thanks" if first_answer else "survey:thanks:coupon"
    notify(order, SURVEY_THANKS, dedupe_key=key, context=context)
