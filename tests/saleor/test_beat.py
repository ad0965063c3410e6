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
