"""Celery autodiscovers `<app>.tasks` only: import each capability's tasks here."""

from .tracking import tasks as tracking_tasks

__all__ = ["tracking_tasks"]
