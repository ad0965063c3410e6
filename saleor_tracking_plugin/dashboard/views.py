"""Serve the dashboard extension's built files under /plugins/global/<PLUGIN_ID>/dashboard/.

Saleor hands the plugin every request under its URL, so the extension needs no second
server. Only files inside `static/` are served; hashed assets are cached for a year.
"""

import mimetypes
from pathlib import Path

from django.http import HttpRequest, HttpResponse, JsonResponse

STATIC_ROOT = Path(__file__).resolve().parent / "static"
IMMUTABLE = "public, max-age=31536000, immutable"


def dashboard_file(request: HttpRequest, path: str = "") -> HttpResponse:
    """The page's HTML for a directory path (`/`, `order/`), else the asset itself."""
    if request.method not in ("GET", "HEAD"):
        return JsonResponse({"error": "Use GET."}, status=405)
    relative = path.strip("/")
    target = (STATIC_ROOT / relative).resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(STATIC_ROOT) or not target.is_file():
        return JsonResponse({"error": "Not found."}, status=404)
    content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    # The files are small (the largest ~0.5 MB) and few: read whole, no streaming needed.
    response = HttpResponse(target.read_bytes(), content_type=content_type)
    if relative.startswith("assets/"):
        response["Cache-Control"] = IMMUTABLE
    else:
        # The HTML names the current hashed assets; a new plugin version must show at once.
        response["Cache-Control"] = "no-cache"
    return response
