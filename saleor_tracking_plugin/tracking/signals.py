"""Signals other capabilities listen to, sent after the change is committed."""

from django.dispatch import Signal

# Sent with: shipment, previous (ShipmentStatus), status (ShipmentStatus), event
# (TrackingEventData or None for changes not caused by a carrier scan).
shipment_status_changed = Signal()

# Sent with: shipment, once its parcel has a tracking number to follow (a new shipment, or a
# corrected number, which is another parcel).
shipment_tracking_started = Signal()
