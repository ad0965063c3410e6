"""Django finds models here; each capability keeps its own in its package."""

from .delays.models import (
    DelayBroadcast,
    DelayBroadcastRecipient,
    DelayCall,
    DelayRefund,
    OrderDelay,
    OrderDelayCause,
)
from .tracking.models import Shipment, ShipmentEvent

__all__ = [
    "DelayBroadcast",
    "DelayBroadcastRecipient",
    "DelayCall",
    "DelayRefund",
    "OrderDelay",
    "OrderDelayCause",
    "Shipment",
    "ShipmentEvent",
]
