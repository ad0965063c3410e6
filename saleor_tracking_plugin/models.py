"""Django finds models here; each capability keeps its own in its package."""

from .notifications.models import ContactPreference, OutboxMessage
from .tracking.models import Shipment, ShipmentEvent

__all__ = ["ContactPreference", "OutboxMessage", "Shipment", "ShipmentEvent"]
