"""A real Celery worker (Saleor's app) on Redis, against the test database, for one test."""

import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import redis
from django.db import connection
from saleor.celeryconf import app

REPO = Path(__file__).resolve().parents[2]
BROKER_URL = "redis://127.0.0.1:6379/7"
# Other checkouts run worker tests on the same Redis at the same time: this run's own key
# prefix keeps their workers from taking its tasks, and its clean-up from deleting theirs.
KEY_PREFIX = f"stp-polling-test-{uuid.uuid4().hex}:"
TRANSPORT_OPTIONS = {"global_keyprefix": KEY_PREFIX}


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@contextmanager
def celery_worker(log_path: Path, settings, timeout: float = 60):
    """Start a solo-pool worker, wait until it is ready, always stop it afterwards.

    `settings` is pytest-django's fixture: Celery reads its configuration from Django's
    settings on every access, so turning eager mode off there sends tasks to the broker.
    """
    _delete_this_runs_keys()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "CELERY_BROKER_URL": BROKER_URL,
        "CELERY_KEY_PREFIX": KEY_PREFIX,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("SALEOR_SRC", "")]),
    }
    log = log_path.open("w")
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "saleor.celeryconf:app",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=REPO,
    )
    try:
        _wait_for(lambda: "ready." in log_path.read_text(), timeout, "worker start", log_path)
        settings.CELERY_TASK_ALWAYS_EAGER = False
        settings.CELERY_BROKER_URL = BROKER_URL
        settings.CELERY_BROKER_TRANSPORT_OPTIONS = TRANSPORT_OPTIONS
        yield worker
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=5)
        log.close()
        _delete_this_runs_keys()


def _delete_this_runs_keys() -> None:
    client = redis.Redis.from_url(BROKER_URL)
    keys = list(client.scan_iter(match=f"{KEY_PREFIX}*"))
    if keys:
        client.delete(*keys)


def send(task, *args) -> None:
    """Queue a task on the worker's broker."""
    with app.connection_for_write(BROKER_URL, transport_options=TRANSPORT_OPTIONS) as conn:
        task.apply_async(args=args, connection=conn)


def _wait_for(condition, timeout: float, what: str, log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}:\n{log_path.read_text()[-3000:]}")


def wait_for(condition, timeout: float, what: str, log_path: Path) -> None:
    """Poll `condition` until true, or fail with the worker's log."""
    _wait_for(condition, timeout, what, log_path)
