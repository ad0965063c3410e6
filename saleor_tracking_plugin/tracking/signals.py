"""Signals other capabilities listen to, sent after the change is committed."""

from django.dispatch import Signal

# Sent with: shipment, previous (ShipmentStatus), status (ShipmentStatus), event
# (TrackingEventData or None for changes not caused by a carrier scan).
shipment_status_changed = Signal()
