"""Settings read once per request or task, and typed views of them built once.

The saved configuration is one row of Saleor's `PluginConfiguration`. Reading it for every
row a resolver returns or every order a scan looks at costs a query each; instead the first
read in a request or Celery task is kept for the rest of it. A save of the plugin's
configuration in this process drops the kept copy at once; other processes read the new
values at their next request or task, which is when Saleor's own plugins see them too.

Outside a request or task (a shell, a test calling actions directly) every call reads the
database, so a value saved in between is never missed.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .config import Settings

T = TypeVar("T")

# The settings of the running request or task; None outside one.
_scope: ContextVar[dict[str, Any] | None] = ContextVar("stp_settings_scope", default=None)


def begin_scope(**_signal_kwargs: Any) -> None:
    """A request or task starts: its first read is kept until it ends.

    A task run eagerly inside a request (as in tests) shares the request's scope.
    """
    scope = _scope.get()
    if scope is None:
        _scope.set({"depth": 1})
    else:
        scope["depth"] += 1


def end_scope(**_signal_kwargs: Any) -> None:
    """A request or task ended: the next one reads the settings again."""
    scope = _scope.get()
    if scope is None:
        return
    scope["depth"] -= 1
    if scope["depth"] <= 0:
        _scope.set(None)


def invalidate(**_signal_kwargs: Any) -> None:
    """The configuration was saved: drop the kept copy so the next read sees the new values."""
    scope = _scope.get()
    if scope is not None:
        scope.pop("settings", None)


def seed(read: Callable[[], "Settings"]) -> None:
    """Keep settings already in hand (Saleor's plugin manager loaded the configuration to
    route this request) as this request's, unless it has read its own: one query fewer."""
    scope = _scope.get()
    if scope is not None and "settings" not in scope:
        scope["settings"] = read()


def current_settings(read: Callable[[], "Settings"]) -> "Settings":
    """The settings kept for this request or task, read with `read` the first time."""
    scope = _scope.get()
    if scope is None:
        return read()
    if "settings" not in scope:
        scope["settings"] = read()
    return scope["settings"]


def connect() -> None:
    """Tie the scope to Django requests, Celery tasks and saves of the configuration."""
    from celery import signals as celery_signals
    from django.core import signals as request_signals
    from django.db.models.signals import post_delete, post_save
    from saleor.plugins.models import PluginConfiguration

    from . import kept_settings

    request_signals.request_started.connect(begin_scope, dispatch_uid="stp_settings_begin")
    request_signals.request_finished.connect(end_scope, dispatch_uid="stp_settings_end")
    celery_signals.task_prerun.connect(begin_scope, dispatch_uid="stp_settings_task_begin")
    celery_signals.task_postrun.connect(end_scope, dispatch_uid="stp_settings_task_end")
    for signal in (post_save, post_delete):
        signal.connect(
            invalidate, sender=PluginConfiguration, dispatch_uid=f"stp_settings_{signal}"
        )
        signal.connect(
            kept_settings.forget, sender=PluginConfiguration, dispatch_uid=f"stp_kept_{signal}"
        )
