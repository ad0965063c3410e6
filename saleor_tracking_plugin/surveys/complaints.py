"""Complaints: a low score or a customer's message opens one, with a response deadline in
business hours; staff assign, reply and resolve; every step is on the order's timeline."""

import logging
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from ..business_days import turkish_holidays
from ..config import Settings, load_settings
from ..notifications.api import notify
from ..pages.rendering import shop_timezone
from ..saleor_glue.orders import add_timeline_event
from .config import survey_settings
from .links import complaint_link
from .messages import COMPLAINT_REPLY
from .models import Complaint, ComplaintMessage, Survey
from .rules import (
    AWAITING_STAFF,
    MAX_COMMENT_LENGTH,
    ComplaintStatus,
    can_transition,
)
from .sla import add_business_hours

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App
    from saleor.order.models import Order

logger = logging.getLogger(__name__)

S = ComplaintStatus


class ComplaintError(Exception):
    """A refused complaint step; `code` says why (Saleor-style error code)."""

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.field = field


def response_due(start: datetime, settings: Settings) -> datetime:
    """`complaint_response_hours` business hours after `start`, in the shop's time zone."""
    config = settings.typed(survey_settings)
    zone = shop_timezone()
    year = start.astimezone(zone).year
    return add_business_hours(
        start,
        config.complaint_response_hours,
        zone,
        config.business_opens,
        config.business_closes,
        turkish_holidays(year, year + 1),
    )


def _clean_message(body: str) -> str:
    text = (body or "").strip()
    if not text:
        raise ComplaintError("REQUIRED", "Write a message.", "message")
    if len(text) > MAX_COMMENT_LENGTH:
        raise ComplaintError(
            "MESSAGE_TOO_LONG",
            f"The message is longer than {MAX_COMMENT_LENGTH} characters.",
            "message",
        )
    return text


def open_from_survey(survey: Survey, now: datetime, settings: Settings) -> Complaint:
    """Open the order's complaint for a low score, or refresh the one it has."""
    complaint = Complaint.objects.select_for_update().filter(order_id=survey.order_id).first()
    if complaint is None:
        complaint = Complaint.objects.create(
            order_id=survey.order_id,
            survey=survey,
            score=survey.score,
            comment=survey.comment,
            topics=survey.topics,
            contact_consent=survey.contact_consent,
            status=S.OPEN,
            opened_at=now,
            due_at=response_due(now, settings),
        )
        _timeline(complaint, f"Complaint opened: rated {survey.score}/5, answer due by {{due}}")
        return complaint
    return _copy_survey(complaint, survey)


def update_from_survey(survey: Survey) -> None:
    """Keep the complaint's copy of the answer (comment, topics, consent) up to date."""
    complaint = Complaint.objects.select_for_update().filter(order_id=survey.order_id).first()
    if complaint is not None:
        _copy_survey(complaint, survey)


def _copy_survey(complaint: Complaint, survey: Survey) -> Complaint:
    complaint.survey = survey
    complaint.score = survey.score
    complaint.comment = survey.comment or complaint.comment
    complaint.topics = survey.topics
    complaint.contact_consent = survey.contact_consent
    complaint.save(update_fields=["survey", "score", "comment", "topics", "contact_consent"])
    return complaint


def customer_writes(
    order: "Order", body: str, now: datetime | None = None, settings: Settings | None = None
) -> Complaint:
    """A customer's message on the complaint page: opens a complaint, or reopens an answered
    or resolved one with a new deadline. Raises ComplaintError for an empty or long text."""
    text = _clean_message(body)
    settings = settings or load_settings()
    now = now or timezone.now()
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update().filter(order=order).first()
        if complaint is None:
            complaint = Complaint.objects.create(
                order=order,
                survey=Survey.objects.filter(order=order).first(),
                comment=text,
                contact_consent=True,
                status=S.OPEN,
                opened_at=now,
                due_at=response_due(now, settings),
            )
            _timeline(complaint, "Complaint opened by the customer, answer due by {due}")
        elif can_transition(S(complaint.status), S.REOPENED):
            complaint.status = S.REOPENED
            complaint.due_at = response_due(now, settings)
            complaint.resolved_at = None
            complaint.warned_at = None
            complaint.breached_at = None
            complaint.save()
            _timeline(complaint, "Complaint reopened by the customer, answer due by {due}")
        ComplaintMessage.objects.create(complaint=complaint, from_customer=True, body=text)
    return complaint


def assign(
    complaint_id: int,
    assignee: "User | None",
    user: "User | None" = None,
    app: "App | None" = None,
) -> Complaint:
    """Give the complaint to a staff member (None: nobody)."""
    if assignee is not None and not assignee.is_staff:
        raise ComplaintError("INVALID", "Assign complaints to staff members.", "assigneeId")
    with transaction.atomic():
        complaint = _locked(complaint_id)
        complaint.assignee = assignee
        complaint.save(update_fields=["assignee"])
        who = assignee.email if assignee else "nobody"
        _timeline(complaint, f"Complaint assigned to {who}", user=user, app=app)
    return complaint


def reply(
    complaint_id: int,
    body: str,
    user: "User | None" = None,
    app: "App | None" = None,
    now: datetime | None = None,
) -> Complaint:
    """Staff answer the customer: the message goes out with a link to the thread page."""
    text = _clean_message(body)
    now = now or timezone.now()
    with transaction.atomic():
        complaint = _locked(complaint_id)
        if not can_transition(S(complaint.status), S.ANSWERED):
            raise ComplaintError("INVALID_STATUS", "This complaint is resolved.", "id")
        message = ComplaintMessage.objects.create(
            complaint=complaint, from_customer=False, body=text, user=user, app=app
        )
        if complaint.first_response_at is None:
            complaint.first_response_at = now
            complaint.first_response_within_sla = now <= complaint.due_at
        complaint.status = S.ANSWERED
        complaint.save()
        _timeline(complaint, f"Complaint answered: {text[:200]}", user=user, app=app)
        notify(
            complaint.order,
            COMPLAINT_REPLY,
            dedupe_key=f"complaint:{complaint.pk}:reply:{message.pk}",
            context={"reply": text, "complaint_link": complaint_link(complaint.order)},
        )
    return complaint


def resolve(complaint_id: int, user: "User | None" = None, app: "App | None" = None) -> Complaint:
    """Close the complaint (the customer may still reopen it by writing)."""
    with transaction.atomic():
        complaint = _locked(complaint_id)
        if not can_transition(S(complaint.status), S.RESOLVED):
            raise ComplaintError("INVALID_STATUS", "This complaint is already resolved.", "id")
        complaint.status = S.RESOLVED
        complaint.resolved_at = timezone.now()
        complaint.save(update_fields=["status", "resolved_at"])
        _timeline(complaint, "Complaint resolved", user=user, app=app)
    return complaint


def flag_due_complaints(now: datetime | None = None, settings: Settings | None = None) -> int:
    """Flag, once each, complaints about to breach and breached; tell the assignee (or the
    configured staff email). Returns how many flags were raised now."""
    settings = settings or load_settings()
    now = now or timezone.now()
    config = settings.typed(survey_settings)
    warning = timedelta(hours=config.complaint_warning_hours)
    flagged = 0
    waiting = Complaint.objects.filter(status__in=AWAITING_STAFF, due_at__lte=now + warning)
    for complaint_id in waiting.values_list("pk", flat=True):
        with transaction.atomic():
            complaint = _locked(complaint_id)
            if S(complaint.status) not in AWAITING_STAFF:
                continue
            if complaint.due_at <= now and complaint.breached_at is None:
                complaint.breached_at = now
                complaint.warned_at = complaint.warned_at or now
                kind = "breached"
            elif complaint.due_at > now and complaint.warned_at is None:
                complaint.warned_at = now
                kind = "about to breach"
            else:
                continue
            complaint.save(update_fields=["warned_at", "breached_at"])
            _timeline(complaint, f"Complaint {kind}: answer was due by {{due}}")
            recipient = complaint.assignee.email if complaint.assignee else ""
            recipient = recipient or config.complaint_staff_email
            if recipient:
                transaction.on_commit(partial(_alert_staff, complaint, kind, recipient))
            flagged += 1
    return flagged


def _alert_staff(complaint: Complaint, kind: str, recipient: str) -> None:
    from ..notifications.channels.email import sender_address

    number = complaint.order.number
    due = timezone.localtime(complaint.due_at, shop_timezone()).strftime("%Y-%m-%d %H:%M")
    try:
        send_mail(
            subject=f"Complaint about order {number} {kind}",
            message=(
                f"The complaint about order {number} (score {complaint.score or '-'}) is "
                f"{kind}: an answer was due by {due}.\n\n{complaint.comment}"
            ),
            from_email=sender_address(),
            recipient_list=[recipient],
        )
    except Exception:
        logger.exception("Could not alert %s about complaint %s", recipient, complaint.pk)


def _locked(complaint_id: int) -> Complaint:
    try:
        return (
            Complaint.objects.select_for_update(of=("self",))
            .select_related("order", "assignee")
            .get(pk=complaint_id)
        )
    except Complaint.DoesNotExist:
        raise ComplaintError("NOT_FOUND", "Complaint not found.", "id") from None


def _timeline(
    complaint: Complaint, message: str, user: "User | None" = None, app: "App | None" = None
) -> None:
    due = timezone.localtime(complaint.due_at, shop_timezone()).strftime("%Y-%m-%d %H:%M")
    add_timeline_event(
        complaint.order,
        message.replace("{due}", due),
        {"complaint_id": complaint.pk, "status": complaint.status},
        user=user,
        app=app,
    )
