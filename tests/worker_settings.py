"""Settings of a real Celery worker started by a test: the test's database, Redis broker.

The starting test sets DATABASE_URL (its test database) and CELERY_BROKER_URL in the
worker's environment.
"""

import os

from tests.settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]
# A test may give its run a key prefix of its own on a Redis shared with other checkouts.
if os.environ.get("CELERY_KEY_PREFIX"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"global_keyprefix": os.environ["CELERY_KEY_PREFIX"]}
# Short leases, so a test sees a dead worker's message taken over within seconds.
TRACKING_PLUGIN_MESSAGE_LEASE_SECONDS = int(os.environ.get("TRACKING_PLUGIN_LEASE", "120"))
