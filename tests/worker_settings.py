"""Settings of a real Celery worker started by a test: the test's database, Redis broker.

The starting test sets DATABASE_URL (its test database) and CELERY_BROKER_URL in the
worker's environment.
"""

import os

from tests.settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]
# Short leases, so a test sees a dead worker's message taken over within seconds.
TRACKING_PLUGIN_MESSAGE_LEASE_SECONDS = int(os.environ.get("TRACKING_PLUGIN_LEASE", "120"))
