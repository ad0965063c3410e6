"""Django finds models here; each capability keeps its own in its package."""

from .returns.models import Return, ReturnLine, ReturnRefund
from .tracking.models import Shipment, ShipmentEvent

__all__ = ["Return", "ReturnLine", "ReturnRefund", "Shipment", "ShipmentEvent"]
