"""Django finds models here; each capability keeps its own in its package."""

from .tracking.models import Shipment, ShipmentEvent

__all__ = ["Shipment", "ShipmentEvent"]
