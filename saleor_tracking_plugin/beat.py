"""Every periodic task of the plugin, in one table, added to Saleor's Celery beat.

Saleor's beat (`celery --app saleor.celeryconf:app beat --scheduler
saleor.schedulers.schedulers.DatabaseScheduler`) installs each entry of `app.conf.beat_schedule`
as a periodic-task row when it starts, so merchants change none of Saleor's settings.
"""

from datetime import timedelta

from celery import Celery

from .notifications.queue import sender_queue

# One polling round a minute: carriers' rate limits count calls per minute, so a round claims
# what the next minute allows and its calls are neither refused nor bunched.
POLL_ROUND = timedelta(minutes=1)

# entry name -> (task name, interval)
PERIODIC_TASKS: dict[str, tuple[str, timedelta]] = {
    "saleor-tracking-plugin-poll-carriers": (
        "saleor_tracking_plugin.carriers.tasks.poll_due_shipments_task",
        POLL_ROUND,
    ),
    # Deliveries whose kick was lost (broker down, worker died mid-batch).
    "saleor-tracking-plugin-apply-webhook-inbox": (
        "saleor_tracking_plugin.aggregators.tasks.apply_webhook_inbox_task",
        timedelta(minutes=1),
    ),
    "saleor-tracking-plugin-dispatch-outbox": (
        "saleor_tracking_plugin.notifications.tasks.dispatch_outbox_task",
        timedelta(minutes=1),
    ),
    "saleor-tracking-plugin-reconcile-shipments": (
        "saleor_tracking_plugin.tracking.tasks.reconcile_shipments_task",
        timedelta(minutes=15),
    ),
    "saleor-tracking-plugin-flag-overdue-returns": (
        "saleor_tracking_plugin.returns.tasks.flag_overdue_returns_task",
        timedelta(hours=1),
    ),
    "saleor-tracking-plugin-settle-return-refunds": (
        "saleor_tracking_plugin.returns.tasks.settle_refunds_task",
        timedelta(minutes=10),
    ),
    "saleor-tracking-plugin-settle-delay-refunds": (
        "saleor_tracking_plugin.delays.tasks.settle_delay_refunds_task",
        timedelta(minutes=10),
    ),
    # Crisis broadcasts whose chunk task was lost (broker down, worker died mid-chunk).
    "saleor-tracking-plugin-resume-broadcasts": (
        "saleor_tracking_plugin.delays.tasks.resume_stalled_broadcasts_task",
        timedelta(minutes=5),
    ),
    "saleor-tracking-plugin-scan-for-delays": (
        "saleor_tracking_plugin.delays.tasks.scan_for_delays_task",
        timedelta(hours=1),
    ),
    "saleor-tracking-plugin-send-due-surveys": (
        "saleor_tracking_plugin.surveys.tasks.send_due_surveys_task",
        timedelta(hours=1),
    ),
    "saleor-tracking-plugin-flag-due-complaints": (
        "saleor_tracking_plugin.surveys.tasks.flag_due_complaints_task",
        timedelta(hours=1),
    ),
}

# Entries of the outbox sender: they go to its queue when the merchant names one (see
# notifications/queue.py), so messages released after quiet hours do not wait behind scans.
SENDER_ENTRIES = frozenset({"saleor-tracking-plugin-dispatch-outbox"})


def register_periodic_tasks(app: Celery) -> None:
    """Add the plugin's entries to the Celery app's beat schedule (idempotent)."""
    queue = sender_queue()
    for name, (task, every) in PERIODIC_TASKS.items():
        # A round that is still queued when the next one is due is dropped, not stacked.
        # Celery's own beat reads `expires`; Saleor's DatabaseScheduler (django-celery-beat)
        # keeps only `expire_seconds` of an entry's options and drops `expires`.
        seconds = int(every.total_seconds())
        options: dict[str, object] = {"expires": seconds, "expire_seconds": seconds}
        if queue and name in SENDER_ENTRIES:
            options["queue"] = queue
        app.conf.beat_schedule[name] = {"task": task, "schedule": every, "options": options}
