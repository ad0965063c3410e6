"""Signals other capabilities listen to, sent after the change is committed."""

from django.dispatch import Signal

# Sent with: return_request (Return), previous (ReturnStatus or None for a new request),
# status (ReturnStatus).
return_status_changed = Signal()
