"""Celery sending this process's tasks to kombu's in-memory broker instead of running them
eagerly (Saleor's test settings), and what a worker would then receive from it."""

import contextlib
from collections.abc import Iterator
from typing import Any

from django.test import override_settings
from saleor.celeryconf import app

from ..reliability.faults import reset_broker_pools


class MemoryBroker:
    """The default queue of Celery's in-memory broker (kombu's `memory://` transport)."""

    def take(self, task: Any) -> list[list]:
        """The arguments of every message for `task` waiting in the queue, taken off it as a
        worker takes them (messages of other tasks are taken and dropped)."""
        taken = []
        with app.connection_for_read() as connection:
            queue = app.amqp.queues[app.conf.task_default_queue](connection.default_channel)
            while (message := queue.get(no_ack=True, accept=["json"])) is not None:
                args, _kwargs, _embed = message.decode()
                if message.headers["task"] == task.name:
                    taken.append(args)
        return taken

    def run(self, task: Any) -> int:
        """Run every waiting message for `task` as a worker would; returns how many ran."""
        queued = self.take(task)
        for args in queued:
            task.apply(args=args).get()
        return len(queued)


@contextlib.contextmanager
def memory_broker() -> Iterator[MemoryBroker]:
    """Tasks go to the in-memory broker while inside; eager again after."""
    reset_broker_pools()
    try:
        with override_settings(CELERY_TASK_ALWAYS_EAGER=False, CELERY_BROKER_URL="memory://"):
            broker = MemoryBroker()
            # The in-memory queues live as long as the process: start from an empty one.
            with app.connection_for_write() as connection:
                app.amqp.queues[app.conf.task_default_queue](connection.default_channel).purge()
            yield broker
    finally:
        reset_broker_pools()
