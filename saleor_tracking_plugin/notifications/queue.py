"""The Celery queue of the outbox sender: Saleor's default queue unless the merchant names one.

At peak, carrier polling, webhook batches and scans fill Saleor's one queue and customers'
messages wait behind them. A merchant who runs a worker for a queue of its own
(`celery --app saleor.celeryconf:app worker -Q <name>`) names it in STP_NOTIFICATIONS_QUEUE.
It is opt-in: a new merchant running Saleor's plain worker must not have messages waiting in
a queue nobody consumes. Like Saleor's own WEBHOOK_CELERY_QUEUE_NAME, the queue is named on
each send (`apply_async(queue=...)`), so every process that sends (API, workers, beat) needs
the same environment.
"""

import os

from django.conf import settings as django_settings

SENDER_QUEUE_SETTING = "STP_NOTIFICATIONS_QUEUE"


def sender_queue() -> str | None:
    """The queue of the sender's tasks: Django's setting STP_NOTIFICATIONS_QUEUE, else the
    environment variable of that name; None (unset or empty) means Saleor's default queue."""
    value = getattr(django_settings, SENDER_QUEUE_SETTING, None)
    if value is None:
        value = os.environ.get(SENDER_QUEUE_SETTING, "")
    return str(value).strip() or None
