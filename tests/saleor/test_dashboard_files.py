"""The plugin serves the dashboard extension's built files itself, and nothing else."""

import re

from django.test import Client

from saleor_tracking_plugin.saleor_glue.dashboard_app import DASHBOARD_PATH


def test_the_app_page_and_its_assets_are_served():
    client = Client()

    page = client.get(DASHBOARD_PATH)

    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    assert page["Cache-Control"] == "no-cache"
    script = re.search(rb'src="(/plugins/[^"]+\.js)"', page.content).group(1).decode()
    asset = client.get(script)
    assert asset.status_code == 200
    assert asset["Content-Type"] in ("text/javascript", "application/javascript")
    assert "immutable" in asset["Cache-Control"]


def test_the_order_extension_has_its_own_page():
    response = Client().get(DASHBOARD_PATH + "order/")

    assert response.status_code == 200
    assert b"Parcels and returns" in response.content


def test_nothing_outside_the_built_files_is_served():
    client = Client()

    assert client.get(DASHBOARD_PATH + "assets/../../views.py").status_code == 404
    assert client.get(DASHBOARD_PATH + "missing.js").status_code == 404
    assert client.post(DASHBOARD_PATH).status_code == 405
