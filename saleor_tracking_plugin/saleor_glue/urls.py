"""Routes of the plugin in Saleor's own URL list, beside the plugin URL Saleor gives it.

Saleor hands requests under /plugins/global/<plugin id>/ to a plugin after building every
configured plugin for the request: all plugins' configurations read, each plugin built (about
2.5 ms a request here, four times a one-row Django view). Saleor has no way for a plugin to
add URLs, so a route that must cost less (the aggregators' webhook deliveries, by the
thousand in peak season) is put at the head of Saleor's URL list, `saleor.urls.urlpatterns`,
by `add_to_saleor_urls`. Django reads that list object on every resolution, so a route added
before the process resolves its first request is served like Saleor's own.
"""

import threading
from collections.abc import Callable

from django.http import HttpResponse
from django.urls import URLPattern, re_path
from django.views.decorators.csrf import csrf_exempt
from saleor.core.db.connection import allow_writer

_adding = threading.Lock()


def saleor_route(regex: str, view: Callable[..., HttpResponse], name: str) -> URLPattern:
    """A route served as Saleor serves its plugin views: writes to the database allowed
    (Saleor refuses them elsewhere outside `allow_writer`), no CSRF token (callers sign)."""
    return re_path(regex, csrf_exempt(allow_writer()(view)), name=name)


def add_to_saleor_urls(routes: list[URLPattern]) -> None:
    """Put `routes` at the head of Saleor's URL list; a route already there (by name) stays
    as it is, so calling this again changes nothing."""
    # Saleor's URL module imports its whole GraphQL schema: only a process that serves
    # requests (and is about to import it anyway) calls this.
    from saleor import urls

    with _adding:
        present = {getattr(pattern, "name", None) for pattern in urls.urlpatterns}
        for route in reversed(routes):
            if route.name not in present:
                urls.urlpatterns.insert(0, route)
