"""Celery autodiscovers `<app>.tasks` only: import each capability's tasks here."""

from .returns import tasks as returns_tasks
from .tracking import tasks as tracking_tasks

__all__ = ["returns_tasks", "tracking_tasks"]
