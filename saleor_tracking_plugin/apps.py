from django.apps import AppConfig


class TrackingPluginConfig(AppConfig):
    name = "saleor_tracking_plugin"
    label = "saleor_tracking_plugin"
    verbose_name = "Saleor post-purchase tracking"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Celery discovers only `<app>.tasks`; this module imports every domain's tasks.
        from . import tasks  # noqa: F401

        # Delays listen to tracking's signals (after milestones: see delays/receivers.py).
        from .delays import receivers  # noqa: F401

        # Shipping milestones listen to tracking's signals.
        from .notifications import milestones  # noqa: F401

        # Return parcels delivered back may count as received.
        from .returns import receivers  # noqa: F401
