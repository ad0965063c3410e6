"""The plugin's periodic tasks reach Saleor's beat without any change to Saleor's settings."""

import pytest
from saleor.celeryconf import app
from saleor.schedulers.models import CustomPeriodicTask
from saleor.schedulers.schedulers import DatabaseScheduler

from saleor_tracking_plugin.beat import PERIODIC_TASKS


@pytest.mark.parametrize("name", sorted(PERIODIC_TASKS))
def test_each_periodic_task_is_installed_as_saleors_database_scheduler_installs_entries(name):
    # given the entry Celery holds for Saleor's beat
    entry = app.conf.beat_schedule[name]

    # when Saleor's DatabaseScheduler installs it, as it does for every entry at start
    DatabaseScheduler.Entry.from_entry(name, app=app, **entry)

    # then it is a periodic task of a real task, at the table's interval
    task_name, every = PERIODIC_TASKS[name]
    installed = CustomPeriodicTask.objects.get(name=name)
    assert installed.task == task_name
    assert task_name in app.tasks
    assert (installed.interval.every, installed.interval.period) == (
        int(every.total_seconds()),
        "seconds",
    )


@pytest.mark.parametrize("name", sorted(PERIODIC_TASKS))
def test_a_round_still_queued_when_the_next_is_due_expires_under_saleors_beat(name):
    # given the entry Celery holds for Saleor's beat
    entry = app.conf.beat_schedule[name]

    # when Saleor's DatabaseScheduler installs it and reads it back, as it does before sending
    DatabaseScheduler.Entry.from_entry(name, app=app, **entry)
    sent_with = DatabaseScheduler.Entry(CustomPeriodicTask.objects.get(name=name), app=app)

    # then each round it sends expires after one interval, so rounds are dropped, not stacked
    _task, every = PERIODIC_TASKS[name]
    assert sent_with.options["expires"] == int(every.total_seconds())
