"""The dashboard's side of App Bridge, for browser tests of the extension.

A host page on its own origin plays the dashboard's side of App Bridge (@saleor/app-sdk's
postMessage protocol): it waits for the extension's `notifyReady` action, answers it, and
sends the `handshake` event with a token Saleor mints in the test for the plugin's App.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

import graphene
import pytest

from saleor_tracking_plugin.saleor_glue.dashboard_app import (
    DASHBOARD_PATH,
    register_dashboard_app,
)

DESKTOP = {"width": 1280, "height": 900}

HOST_PAGE = """<!doctype html>
<html><head><title>Saleor dashboard (test host)</title></head>
<body style="margin:0">
<iframe id="extension" src="{src}" style="width:1280px;height:1400px;border:0"></iframe>
<script>
  const extensionOrigin = {origin};
  const token = {token};
  window.actions = [];
  window.addEventListener("message", (event) => {{
    if (event.origin !== extensionOrigin) return;
    const {{ type, payload }} = event.data;
    window.actions.push(type);
    const frame = document.getElementById("extension").contentWindow;
    frame.postMessage({{ type: "response", payload: {{ actionId: payload.actionId, ok: true }} }},
                      extensionOrigin);
    if (type === "notifyReady") {{
      frame.postMessage({{ type: "handshake",
                          payload: {{ token, version: 1, saleorVersion: "3.23.0",
                                     dashboardVersion: "3.23.0" }} }}, extensionOrigin);
    }}
  }});
</script>
</body></html>"""


@pytest.fixture
def dashboard_host():
    """A page server on another origin (its own port) than Saleor's live server."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path.split("?")[0])
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def host(live_server, path: str, token: str, **params) -> str:
        app_id = graphene.Node.to_global_id("App", 1)
        query = urlencode({"id": app_id, "saleorApiUrl": f"{live_server.url}/graphql/", **params})
        src = f"{live_server.url}{DASHBOARD_PATH}{path}?{query}"
        pages["/host.html"] = HOST_PAGE.format(
            src=src, origin=json.dumps(live_server.url), token=json.dumps(token)
        ).encode()
        return f"http://127.0.0.1:{server.server_port}/host.html"

    yield host
    server.shutdown()
    server.server_close()


@pytest.fixture
def desktop_page(chromium):
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def dashboard_app(live_server):
    app, _ = register_dashboard_app(live_server.url)
    return app


@pytest.fixture
def order_manager(staff_user, permission_group_manage_orders):
    permission_group_manage_orders.user_set.add(staff_user)
    return staff_user
