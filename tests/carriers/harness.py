"""Run a carrier's real connector against one of its recordings."""

from saleor_tracking_plugin.carriers.connector import CarrierError, TrackingUpdate
from saleor_tracking_plugin.carriers.connectors import connector_for
from saleor_tracking_plugin.config import Settings

from .recordings import replay


def settings_with(**values) -> Settings:
    """Plugin settings as a merchant saved them."""
    return Settings([{"name": name, "value": value} for name, value in values.items()])


def track(code: str, number: str, case: str, **credentials) -> TrackingUpdate:
    """The connector's update for `number` when the carrier answers as recorded in `case`."""
    connector = connector_for(code, settings_with(**credentials))
    assert connector is not None, f"{code} connector not built from {sorted(credentials)}"
    with replay(code, case):
        [update] = connector.track([number])
    return update


def failure(code: str, number: str, case: str, **credentials) -> CarrierError:
    """The error the connector raises when the carrier answers as recorded in `case`."""
    connector = connector_for(code, settings_with(**credentials))
    with replay(code, case):
        try:
            connector.track([number])
        except CarrierError as error:
            return error
    raise AssertionError(f"{code} {case}: no CarrierError")


def statuses(update: TrackingUpdate) -> list[str]:
    """Event statuses oldest first."""
    return [e.status.value for e in sorted(update.events, key=lambda e: e.occurred_at)]
