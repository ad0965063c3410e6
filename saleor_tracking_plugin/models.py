"""Django finds models here; each capability keeps its own in its package."""

from .carriers.models import CarrierCircuit, ShipmentPolling, WebhookDelivery
from .tracking.models import Shipment, ShipmentEvent

__all__ = ["CarrierCircuit", "Shipment", "ShipmentEvent", "ShipmentPolling", "WebhookDelivery"]
