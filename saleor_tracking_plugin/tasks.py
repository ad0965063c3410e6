"""Celery autodiscovers `<app>.tasks` only: import each capability's tasks here, and add
the periodic ones to Saleor's beat."""

from saleor.celeryconf import app

from .aggregators import tasks as aggregator_tasks
from .beat import register_periodic_tasks
from .carriers import tasks as carrier_tasks
from .delays import tasks as delay_tasks
from .notifications import tasks as notification_tasks
from .privacy import tasks as privacy_tasks
from .returns import tasks as returns_tasks
from .surveys import tasks as survey_tasks
from .tracking import tasks as tracking_tasks

__all__ = [
    "aggregator_tasks",
    "carrier_tasks",
    "delay_tasks",
    "notification_tasks",
    "privacy_tasks",
    "returns_tasks",
    "survey_tasks",
    "tracking_tasks",
]

register_periodic_tasks(app)
