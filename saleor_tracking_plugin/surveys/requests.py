"""Asking for the rating: once per order, when it is due and nothing holds it back."""

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from ..config import Settings, load_settings
from ..notifications.api import notify
from ..saleor_glue.fulfillments import shipped_order_ids_since
from ..saleor_glue.order_lookups import order_by_id
from ..saleor_glue.orders import add_timeline_event
from .config import survey_settings
from .facts import delivery_facts, hold_reason
from .links import score_links, survey_link
from .messages import SURVEY_REQUEST
from .models import Survey, SurveySkip, SurveyStatus
from .rules import survey_due_at

if TYPE_CHECKING:
    from saleor.order.models import Order

logger = logging.getLogger(__name__)

FINAL_STATUSES = (SurveyStatus.SENT, SurveyStatus.DROPPED)


def consider_order(
    order_id: Any, now: datetime | None = None, settings: Settings | None = None
) -> Survey | None:
    """Send the order's survey if it is due and nothing holds it back; record a hold.

    Idempotent: an order is asked once, ever. Returns the order's survey, if it has one.
    """
    settings = settings or load_settings()
    now = now or timezone.now()
    order = order_by_id(order_id)
    if order is None:
        return None
    existing = Survey.objects.filter(order=order).first()
    if existing is not None and (existing.status in FINAL_STATUSES or existing.answered_at):
        return existing
    config = settings.typed(survey_settings)
    due_at = survey_due_at(delivery_facts(order), config.delay_hours, config.fallback_days)
    if due_at is None or due_at > now:
        return existing
    reason = hold_reason(order.pk)
    with transaction.atomic():
        survey, _ = Survey.objects.get_or_create(
            order=order, defaults={"status": SurveyStatus.HELD, "due_at": due_at}
        )
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        if survey.status in FINAL_STATUSES or survey.answered_at:
            return survey
        survey.due_at = due_at
        if now > due_at + timedelta(days=config.window_days):
            _drop(survey, order)
        elif reason is not None:
            _hold(survey, order, reason)
        else:
            _send(survey, order, now)
    return survey


def _hold(survey: Survey, order: "Order", reason: str) -> None:
    if survey.hold_reason != reason:
        SurveySkip.objects.create(survey=survey, reason=reason)
        add_timeline_event(
            order,
            f"Satisfaction survey held back: {reason.replace('_', ' ')}",
            {"survey_id": survey.pk, "reason": reason},
        )
    survey.status = SurveyStatus.HELD
    survey.hold_reason = reason
    survey.save(update_fields=["status", "hold_reason", "due_at", "updated_at"])


def _drop(survey: Survey, order: "Order") -> None:
    survey.status = SurveyStatus.DROPPED
    survey.save(update_fields=["status", "due_at", "updated_at"])
    add_timeline_event(
        order,
        "Satisfaction survey dropped: held back past the survey window",
        {"survey_id": survey.pk, "reason": survey.hold_reason},
    )


def _send(survey: Survey, order: "Order", now: datetime) -> None:
    notify(
        order,
        SURVEY_REQUEST,
        dedupe_key="survey:request",
        context={"survey_link": survey_link(order), "score_links": score_links(order)},
    )
    survey.status = SurveyStatus.SENT
    survey.hold_reason = ""
    survey.sent_at = now
    survey.save(update_fields=["status", "hold_reason", "due_at", "sent_at", "updated_at"])
    add_timeline_event(order, "Satisfaction survey sent", {"survey_id": survey.pk})


def scan_due_surveys(now: datetime | None = None, settings: Settings | None = None) -> int:
    """Consider every recently shipped order not asked yet; returns how many were asked now."""
    settings = settings or load_settings()
    config = settings.typed(survey_settings)
    if not config.enabled:
        return 0
    now = now or timezone.now()
    lookback = timedelta(days=max(config.fallback_days, 0) + config.window_days + 1)
    candidates = (
        shipped_order_ids_since(now - lookback)
        .exclude(tracking_survey__status__in=FINAL_STATUSES)
        .exclude(tracking_survey__answered_at__isnull=False)
    )
    sent = 0
    for order_id in candidates.iterator():
        try:
            survey = consider_order(order_id, now=now, settings=settings)
        except Exception:
            logger.exception("Could not consider the survey of order %s", order_id)
            continue
        if survey is not None and survey.sent_at == now:
            sent += 1
    return sent
