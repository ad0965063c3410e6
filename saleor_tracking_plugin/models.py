"""Django finds models here; each capability keeps its own in its package."""

from .carriers.models import CarrierCircuit, ShipmentPolling, WebhookDelivery
from .delays.models import (
    DelayBroadcast,
    DelayBroadcastRecipient,
    DelayCall,
    DelayRefund,
    OrderDelay,
    OrderDelayCause,
)
from .notifications.models import ContactPreference, OutboxMessage
from .returns.models import Return, ReturnLine, ReturnRefund
from .surveys.models import Complaint, ComplaintMessage, Survey, SurveyCoupon, SurveySkip
from .tracking.models import PendingShipmentSync, Shipment, ShipmentEvent

__all__ = [
    "CarrierCircuit",
    "Complaint",
    "ComplaintMessage",
    "ContactPreference",
    "DelayBroadcast",
    "DelayBroadcastRecipient",
    "DelayCall",
    "DelayRefund",
    "OrderDelay",
    "OrderDelayCause",
    "OutboxMessage",
    "PendingShipmentSync",
    "Return",
    "ReturnLine",
    "ReturnRefund",
    "Shipment",
    "ShipmentEvent",
    "ShipmentPolling",
    "Survey",
    "SurveyCoupon",
    "SurveySkip",
    "WebhookDelivery",
]
