"""Saleor's own settings, with the demo's Celery queue kept apart on a shared Redis.

`./scripts/demo` sets DATABASE_URL, SECRET_KEY, PUBLIC_URL, EMAIL_URL and CELERY_BROKER_URL;
this module adds only what Saleor's settings do not read from the environment.
"""

import os

from saleor.settings import *  # noqa: F403

# Several demos (a developer's and the demo test's) may share one Redis database: each one's
# key prefix keeps its worker from taking another demo's tasks, which name another database.
if os.environ.get("DEMO_CELERY_KEY_PREFIX"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"global_keyprefix": os.environ["DEMO_CELERY_KEY_PREFIX"]}
