"""Celery autodiscovers `<app>.tasks` only: import each capability's tasks here."""

from .notifications import tasks as notification_tasks
from .tracking import tasks as tracking_tasks

__all__ = ["notification_tasks", "tracking_tasks"]
