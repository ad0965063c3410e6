"""The plugin's URLs under /plugins/global/<PLUGIN_ID>/: one table, one line per endpoint."""

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from ..aggregators.views import webhook_view
from ..dashboard.views import dashboard_file
from ..graphql.view import graphql_view
from ..metrics.export import metrics_csv
from ..pages.complaint_page import complaint_page
from ..pages.delay_choice import delay_choice
from ..pages.return_page import return_page
from ..pages.survey_page import survey_page
from ..pages.tracking_page import tracking_page
from ..pages.unsubscribe_page import unsubscribe_page

View = Callable[..., HttpResponse]

ROUTES: list[tuple[re.Pattern[str], View]] = [
    (re.compile(r"^/?graphql/?$"), graphql_view),
    (re.compile(r"^/?webhooks/(?P<provider>[a-z]+)/?$"), webhook_view),
    (re.compile(r"^/?pages/track/?$"), tracking_page),
    (re.compile(r"^/?pages/return/?$"), return_page),
    (re.compile(r"^/?pages/delay/choose/?$"), delay_choice),
    (re.compile(r"^/?pages/unsubscribe/?$"), unsubscribe_page),
    (re.compile(r"^/?dashboard(?:/(?P<path>[A-Za-z0-9_./-]*))?$"), dashboard_file),
    (re.compile(r"^/?pages/survey/?$"), survey_page),
    (re.compile(r"^/?pages/complaint/?$"), complaint_page),
    (re.compile(r"^/?metrics/csv/?$"), metrics_csv),
]


def dispatch(request: HttpRequest, path: str | None) -> HttpResponse:
    """Route a request that Saleor handed to the plugin's webhook hook."""
    for pattern, view in ROUTES:
        match = pattern.match(path or "")
        if match:
            return view(request, **match.groupdict())
    return JsonResponse({"error": "Not found."}, status=404)
