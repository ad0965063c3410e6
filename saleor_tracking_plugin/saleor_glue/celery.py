"""Saleor's Celery: which periodic tasks its beat installed, whether workers answer and which
queues they consume."""

from saleor.celeryconf import app
from saleor.schedulers.models import CustomPeriodicTask


def installed_beat_entries(names: set[str]) -> set[str]:
    """Which of these beat entries Saleor's database scheduler has installed and enabled."""
    return set(
        CustomPeriodicTask.objects.filter(name__in=names, enabled=True).values_list(
            "name", flat=True
        )
    )


def ping_workers(timeout_seconds: float) -> list[str]:
    """Names of the Celery workers that answered a ping within the timeout."""
    replies = app.control.ping(timeout=timeout_seconds) or []
    return [name for reply in replies for name in reply]


def consumed_queues(timeout_seconds: float) -> dict[str, set[str]]:
    """The queues each Celery worker that answered within the timeout consumes; empty when no
    worker answered."""
    replies = app.control.inspect(timeout=timeout_seconds).active_queues() or {}
    return {worker: {queue["name"] for queue in queues or []} for worker, queues in replies.items()}
