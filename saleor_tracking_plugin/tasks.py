"""Celery autodiscovers `<app>.tasks` only: import each capability's tasks here."""

from .delays import tasks as delay_tasks
from .tracking import tasks as tracking_tasks

__all__ = ["delay_tasks", "tracking_tasks"]
