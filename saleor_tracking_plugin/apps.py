from django.apps import AppConfig


class TrackingPluginConfig(AppConfig):
    name = "saleor_tracking_plugin"
    label = "saleor_tracking_plugin"
    verbose_name = "Saleor post-purchase tracking"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Celery discovers only `<app>.tasks`; this module imports every domain's tasks.
        from . import tasks  # noqa: F401
        from .settings_scope import connect

        # Settings are read once per request or task, and again after a save.
        connect()

        # The webhook front door joins Saleor's URLs before the first request is resolved.
        from .web import front_door

        front_door.connect()

        # Receivers of tracking's signals. Order matters: shipping milestones first, then
        # delays (see delays/receivers.py).
        from .delays import receivers as delay_receivers  # noqa: F401
        from .notifications import milestones  # noqa: F401

        # Return parcels delivered back may count as received.
        from .returns import receivers as return_receivers  # noqa: F401
