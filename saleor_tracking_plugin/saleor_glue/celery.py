"""Saleor's Celery: which periodic tasks its beat installed, and whether workers answer."""

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
