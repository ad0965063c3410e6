"""`manage.py tracking_dashboard` registers the dashboard App the way Saleor installs apps."""

from urllib.parse import urljoin

import pytest
from django.core.management import CommandError, call_command
from saleor.app.models import App, AppExtension

from saleor_tracking_plugin.saleor_glue.dashboard_app import (
    DASHBOARD_APP_IDENTIFIER,
    order_page_mount,
)

PUBLIC_URL = "https://api.shop.example"
DASHBOARD = "https://api.shop.example/plugins/global/saleor_tracking_plugin/dashboard/"


def registered() -> tuple[App, list[AppExtension]]:
    app = App.objects.get(identifier=DASHBOARD_APP_IDENTIFIER)
    return app, list(app.extensions.order_by("mount"))


def test_registration_creates_the_app_with_its_two_extensions():
    # when the merchant registers the dashboard extension
    call_command("tracking_dashboard", "--public-url", PUBLIC_URL)

    # then one active third-party App holds MANAGE_ORDERS (and MANAGE_PLUGINS, for the settings),
    # with a page and an order extension
    app, extensions = registered()
    assert app.is_active and app.is_installed and app.type == "thirdparty"
    assert app.app_url == DASHBOARD
    assert sorted(p.codename for p in app.permissions.all()) == ["manage_orders", "manage_plugins"]
    mounts = {extension.mount: extension for extension in extensions}
    page = mounts["navigation_orders"]
    # (Saleor 3.22 stores the page as a path on the App's origin, 3.21 and 3.23 as a URL)
    assert (page.target, urljoin(app.app_url, page.url)) == ("app_page", DASHBOARD)
    order = mounts[order_page_mount().mount.lower()]
    assert order.url == DASHBOARD + "order/"
    assert [p.codename for p in order.permissions.all()] == ["manage_orders"]


def test_saleor_3_22_and_later_mount_a_widget_on_the_order_page():
    # Saleor 3.21 has no order widgets: there the order extension is a "more actions" popup
    from saleor.app import types

    mount = getattr(types, "AppExtensionMount", None)
    if mount is not None and not hasattr(mount, "ORDER_DETAILS_WIDGETS"):
        assert order_page_mount().mount == "ORDER_DETAILS_MORE_ACTIONS"
    else:
        assert (order_page_mount().mount, order_page_mount().target) == (
            "ORDER_DETAILS_WIDGETS",
            "WIDGET",
        )


def test_registering_twice_changes_nothing(capsys):
    call_command("tracking_dashboard", "--public-url", PUBLIC_URL)
    app, extensions = registered()

    # when the command runs again with the same address
    call_command("tracking_dashboard", "--public-url", PUBLIC_URL + "/")

    # then it says so, and the App and its extensions are the very same rows
    assert "Already up to date" in capsys.readouterr().out
    again, extensions_again = registered()
    assert again.pk == app.pk
    assert [e.pk for e in extensions_again] == [e.pk for e in extensions]
    assert App.objects.filter(identifier=DASHBOARD_APP_IDENTIFIER).count() == 1


def test_a_new_public_url_updates_the_same_app():
    call_command("tracking_dashboard", "--public-url", PUBLIC_URL)
    app, _ = registered()

    call_command("tracking_dashboard", "--public-url", "https://saleor.other.example")

    again, extensions = registered()
    assert again.pk == app.pk
    assert again.app_url.startswith("https://saleor.other.example/plugins/")
    assert all(
        urljoin(again.app_url, e.url).startswith("https://saleor.other.example/")
        for e in extensions
    )


def test_removal_deletes_the_app_and_its_extensions():
    call_command("tracking_dashboard", "--public-url", PUBLIC_URL)

    call_command("tracking_dashboard", "--remove")

    assert not App.objects.filter(identifier=DASHBOARD_APP_IDENTIFIER).exists()
    assert not AppExtension.objects.filter(url__startswith=PUBLIC_URL).exists()


def test_an_invalid_public_url_is_refused_by_saleors_validation():
    with pytest.raises(CommandError, match="Saleor refused the manifest"):
        call_command("tracking_dashboard", "--public-url", "not a url")

    assert not App.objects.filter(identifier=DASHBOARD_APP_IDENTIFIER).exists()
