"""UPS Türkiye parcels through UPS's own Tracking API, with the merchant's UPS credentials.

UPS Türkiye is UPS's Turkish operation: its parcels carry UPS `1Z` numbers, which UPS's
Tracking API answers like any other. The carrier keeps its own code (and tracking page); the
calls are UPS's, with UPS's transport, estimates and times.
"""

from dataclasses import replace

from ..connector import ConnectorLimits
from ..karrio_adapter import KarrioConnector
from ..ups.client import UpsCredentials
from ..ups.client import build_connector as build_ups_connector
from ..ups.client import credentials as credentials

# No settings of its own: the UPS credentials, and their typed view `credentials`, serve both.
FIELDS: list = []


def build_connector(account: UpsCredentials, limits: ConnectorLimits) -> KarrioConnector | None:
    """UPS's connector under UPS Türkiye's code, or None until UPS credentials are entered."""
    connector = build_ups_connector(account, limits)
    return replace(connector, code="ups_tr") if connector else None
