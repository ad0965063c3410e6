"""Celery tasks of notifications, on Saleor's own Celery app."""

from saleor.celeryconf import app
from saleor.core.db.connection import allow_writer

from . import actions
from .delivery import deliver, send_due_messages
from .queue import sender_queue


@app.task
@allow_writer()
def send_message_task(message_id: int) -> str:
    """Send one outbox message if it is due and nobody else is sending it."""
    return deliver(message_id)


@app.task
@allow_writer()
def send_due_messages_task() -> int:
    """Send every due message in this one task (queued by `actions.kick_sender`)."""
    return send_due_messages()


@app.task
@allow_writer()
def dispatch_outbox_task() -> int:
    """Hand due messages to workers: after quiet hours or a back-off, never enqueued (broker
    down), or left by a worker that died mid-send (its lease ran out). Returns how many."""
    message_ids = actions.due_message_ids()
    queue = sender_queue()
    for message_id in message_ids:
        send_message_task.apply_async((message_id,), queue=queue)
    return len(message_ids)
