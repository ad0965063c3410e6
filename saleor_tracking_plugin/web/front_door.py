"""The webhook front door: aggregator deliveries at /tracking/webhooks/<provider>/.

The same endpoint as /plugins/global/<PLUGIN_ID>/webhooks/<provider>/ (`aggregators/views.py`),
without Saleor's plugin routing, which costs more than the whole delivery (benchmark B3):
the route is in Saleor's own URL list (`saleor_glue/urls.py`), added when the process starts
its first request, and the plugin's state comes from `kept_settings` instead of the
configuration Saleor reads to route. While the plugin is inactive the front door answers
404, as Saleor's plugin URL does.
"""

from typing import Any

from django.core.signals import request_started
from django.http import HttpRequest, JsonResponse

from .. import kept_settings
from ..aggregators.base import Rejected
from ..aggregators.views import receive_delivery
from ..config import Settings
from ..saleor_glue.urls import add_to_saleor_urls, saleor_route
from ..settings_scope import seed

FRONT_DOOR_PATH = "tracking/webhooks/"
MOUNT_UID = "stp_front_door_mount"


def direct_webhook_view(request: HttpRequest, provider: str) -> JsonResponse:
    """Receive one delivery of `provider` at the front door."""
    kept = kept_settings.recent()
    if not kept.active:
        return JsonResponse({"error": "Not found."}, status=404)
    seed(lambda: kept.settings)

    def read_again() -> Settings:
        # The kept secret did not match: it may have been changed in another process.
        state = kept_settings.fresh()
        if not state.active:
            raise Rejected(404, "the plugin is inactive")
        return state.settings

    return receive_delivery(request, provider, (lambda: kept.settings, read_again))


ROUTES = [
    saleor_route(
        rf"^{FRONT_DOOR_PATH}(?P<provider>[a-z]+)/?$",
        direct_webhook_view,
        name="stp-direct-webhook",
    )
]


def _mount(**_signal_kwargs: Any) -> None:
    add_to_saleor_urls(ROUTES)
    request_started.disconnect(dispatch_uid=MOUNT_UID)


def connect() -> None:
    """Add the front door to Saleor's URLs when this process starts its first request
    (before Django resolves it); processes that serve no request (workers) never load them."""
    request_started.connect(_mount, dispatch_uid=MOUNT_UID)
