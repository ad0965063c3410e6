"""Django finds models here; each capability keeps its own in its package."""

from .carriers.models import CarrierCircuit, ShipmentPolling, WebhookDelivery
from .notifications.models import ContactPreference, OutboxMessage
from .returns.models import Return, ReturnLine, ReturnRefund
from .tracking.models import Shipment, ShipmentEvent

__all__ = [
    "CarrierCircuit",
    "ContactPreference",
    "OutboxMessage",
    "Return",
    "ReturnLine",
    "ReturnRefund",
    "Shipment",
    "ShipmentEvent",
    "ShipmentPolling",
    "WebhookDelivery",
]
