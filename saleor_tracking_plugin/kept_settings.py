"""The plugin's saved state kept by one process for a few seconds, for the webhook front door.

A request under Saleor's plugin URL gets the configuration Saleor read to route it
(`settings_scope.seed`). The front door (`web/front_door.py`) leaves that routing out, which
is its point, and reading the configuration for each delivery would be a second query as
costly as the delivery's own INSERT (benchmark B3). So a process keeps what it read for
KEPT_SECONDS. A save of the configuration in this process drops it at once; other processes
see a change within KEPT_SECONDS, and a delivery whose signature fails against a kept secret
is checked again against a fresh read, so a new secret is accepted everywhere at once.
"""

import time
from dataclasses import dataclass
from typing import Any

from .config import Settings, read_saved_plugin

# How long another process may act on settings older than a save: an old webhook secret is
# still accepted, a deactivation not yet seen, for at most this long.
KEPT_SECONDS = 10.0


@dataclass(frozen=True)
class SavedPlugin:
    """Whether the plugin is active and its settings, as read at `read_at` (monotonic)."""

    active: bool
    settings: Settings
    read_at: float


_kept: SavedPlugin | None = None


def recent() -> SavedPlugin:
    """The state as read at most KEPT_SECONDS ago by this process; read now when older."""
    kept = _kept
    if kept is not None and time.monotonic() - kept.read_at < KEPT_SECONDS:
        return kept
    return fresh()


def fresh() -> SavedPlugin:
    """The state read from the database now, kept for the next KEPT_SECONDS."""
    global _kept
    active, settings = read_saved_plugin()
    _kept = SavedPlugin(active, settings, time.monotonic())
    return _kept


def forget(**_signal_kwargs: Any) -> None:
    """The configuration was saved in this process: the next call reads it again."""
    global _kept
    _kept = None
