"""Django finds models here; each capability keeps its own in its package."""

from .notifications.models import ContactPreference, OutboxMessage
from .returns.models import Return, ReturnLine, ReturnRefund
from .tracking.models import Shipment, ShipmentEvent

__all__ = [
    "ContactPreference",
    "OutboxMessage",
    "Return",
    "ReturnLine",
    "ReturnRefund",
    "Shipment",
    "ShipmentEvent",
]
