"""When the plugin was installed: the start of "after" in the before/after comparison."""

from datetime import datetime

from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Min

from ..tracking.models import Shipment

APP_LABEL = "saleor_tracking_plugin"
FIRST_MIGRATION = "0001_initial"


def plugin_installed_at() -> datetime | None:
    """The time the plugin's first migration was applied to this database.

    Django records it in `django_migrations` when `migrate` runs, before the plugin can track,
    send or measure anything, and keeps it. Where that record is missing (a database copied
    without it, migrations faked away), the first tracked parcel stands in; None before both.
    """
    applied = (
        MigrationRecorder.Migration.objects.filter(app=APP_LABEL, name=FIRST_MIGRATION)
        .values_list("applied", flat=True)
        .first()
    )
    if applied is not None:
        return applied
    return Shipment.objects.aggregate(first=Min("created_at"))["first"]
