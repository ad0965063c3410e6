"""The plugin's dashboard App in Saleor: registered from a manifest built here, not fetched.

Saleor's `appInstall` downloads a manifest over HTTP and refuses private addresses, so a shop
running Saleor privately could never install the extension. Instead the `tracking_dashboard`
command builds the manifest in process, validates it with Saleor's own
`clean_manifest_data`, and creates the App and its extensions the way Saleor's
`install_app` does. The plugin serves the extension itself (no second server) and never
receives an app token: it only verifies the tokens Saleor signs for this App.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from saleor.app import types as app_types
from saleor.app.manifest_validations import clean_manifest_data
from saleor.app.models import App, AppExtension

from .. import PLUGIN_ID

DASHBOARD_APP_IDENTIFIER = "saleor-tracking-plugin.dashboard"
DASHBOARD_APP_NAME = "Post-purchase"
DASHBOARD_APP_VERSION = "0.1.0"
DASHBOARD_PATH = f"/plugins/global/{PLUGIN_ID}/dashboard/"
# The staff work of the extension (returns, delays, broadcasts) is Saleor's MANAGE_ORDERS:
# who may open its page and widget.
DASHBOARD_PERMISSIONS = ["MANAGE_ORDERS"]
# The App also holds MANAGE_PLUGINS so that the token of a staff user who has it too carries
# it: the settings screen then saves through Saleor's own `pluginUpdate` (same validation as
# Saleor's plugin page). Staff without it get tokens without it and see no settings.
APP_PERMISSIONS = [*DASHBOARD_PERMISSIONS, "MANAGE_PLUGINS"]
# Saleor validates the manifest's identifier as not yet installed; an update validates a
# copy under this suffix so that the App being updated does not count against itself.
_VALIDATION_SUFFIX = ".validation"


@dataclass(frozen=True)
class OrderPageMount:
    """Where the order extension goes in this Saleor version."""

    mount: str
    target: str


def order_page_mount() -> OrderPageMount:
    """A widget on the order page where Saleor has one (3.22+), else a "more actions" popup.

    Saleor 3.21 lists its mounts in `AppExtensionMount` without ORDER_DETAILS_WIDGETS; 3.22
    added it; 3.23 dropped the enum (mounts are free strings the dashboard knows).
    """
    mounts = getattr(app_types, "AppExtensionMount", None)
    if mounts is None or hasattr(mounts, "ORDER_DETAILS_WIDGETS"):
        return OrderPageMount("ORDER_DETAILS_WIDGETS", "WIDGET")
    return OrderPageMount("ORDER_DETAILS_MORE_ACTIONS", "POPUP")


def dashboard_manifest(public_url: str) -> dict[str, Any]:
    """The App manifest, as an app server would publish it, for Saleor at `public_url`."""
    base = public_url.rstrip("/") + DASHBOARD_PATH
    order_mount = order_page_mount()
    order_extension: dict[str, Any] = {
        "identifier": "order-post-purchase",
        "label": "Parcels and returns",
        "mount": order_mount.mount,
        "target": order_mount.target,
        "url": f"{base}order/",
        "permissions": DASHBOARD_PERMISSIONS,
    }
    if order_mount.target == "WIDGET":
        order_extension["options"] = {"widgetTarget": {"method": "GET"}}
    return {
        "id": DASHBOARD_APP_IDENTIFIER,
        "name": DASHBOARD_APP_NAME,
        "version": DASHBOARD_APP_VERSION,
        "about": "Returns, delays, crisis broadcasts and carrier health of the tracking plugin.",
        "permissions": APP_PERMISSIONS,
        "appUrl": base,
        # Saleor 3.21 requires the field; nothing is ever posted there, since the App is
        # created here rather than through appInstall.
        "tokenTargetUrl": f"{base}register/",
        "extensions": [
            {
                "identifier": "post-purchase-page",
                "label": DASHBOARD_APP_NAME,
                "mount": "NAVIGATION_ORDERS",
                "target": "APP_PAGE",
                "url": base,
                "permissions": DASHBOARD_PERMISSIONS,
            },
            order_extension,
        ],
    }


def installed_dashboard_app() -> App | None:
    """The plugin's dashboard App, if registered and active."""
    return (
        App.objects.filter(
            identifier=DASHBOARD_APP_IDENTIFIER,
            is_active=True,
            is_installed=True,
            removed_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )


def _validated(manifest: dict[str, Any]) -> dict[str, Any]:
    """Saleor's own validation; raises django's ValidationError naming the field.

    Saleor 3.22 accepts an APP_PAGE extension only with a URL path (no scheme and host), where
    3.21 and 3.23 take the absolute URL: the path form is tried when the absolute one is refused.
    """
    try:
        return _cleaned(manifest, lambda extension: extension)
    except ValidationError:
        return _cleaned(manifest, _app_page_as_path)


def _cleaned(
    manifest: dict[str, Any], adapt: Callable[[dict[str, Any]], dict[str, Any]]
) -> dict[str, Any]:
    probe = {**manifest, "id": manifest["id"] + _VALIDATION_SUFFIX}
    probe["extensions"] = [adapt(dict(extension)) for extension in manifest["extensions"]]
    clean_manifest_data(probe)
    return probe


def _app_page_as_path(extension: dict[str, Any]) -> dict[str, Any]:
    if extension["target"] == "APP_PAGE":
        extension["url"] = urlsplit(extension["url"]).path
    return extension


def _extension_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The model fields of one cleaned manifest extension, as Saleor's `install_app` sets them.

    Saleor 3.21 has neither `identifier` nor `settings` on AppExtension; only the fields this
    Saleor's model has are set.
    """
    options = data.get("options", {})
    widget_target = options.get("widgetTarget") if isinstance(options, dict) else None
    candidates = {
        "label": data["label"],
        "url": data["url"],
        "mount": data["mount"],
        "target": data["target"],
        "identifier": data.get("identifier"),
        "settings": options,
        "http_target_method": (widget_target or {}).get("method"),
    }
    model_fields = {field.name for field in AppExtension._meta.get_fields()}
    return {name: value for name, value in candidates.items() if name in model_fields}


def _extension_state(extension: AppExtension, fields: dict[str, Any]) -> tuple:
    return (
        *(getattr(extension, name) for name in sorted(fields)),
        frozenset(extension.permissions.all()),
    )


def _wanted_state(data: dict[str, Any], fields: dict[str, Any]) -> tuple:
    return (*(fields[name] for name in sorted(fields)), frozenset(data.get("permissions", [])))


@transaction.atomic
def register_dashboard_app(public_url: str) -> tuple[App, bool]:
    """Create or update the dashboard App for Saleor at `public_url`; (app, changed).

    Running it again with the same URL changes nothing.
    """
    manifest = _validated(dashboard_manifest(public_url))
    fields = {
        "name": DASHBOARD_APP_NAME,
        "is_active": True,
        "is_installed": True,
        "about_app": manifest.get("about"),
        "app_url": manifest.get("appUrl"),
        "version": manifest.get("version"),
        "type": app_types.AppType.THIRDPARTY,
    }
    app = (
        App.objects.select_for_update()
        .filter(identifier=DASHBOARD_APP_IDENTIFIER, removed_at__isnull=True)
        .order_by("pk")
        .first()
    )
    changed = False
    if app is None:
        app = App.objects.create(identifier=DASHBOARD_APP_IDENTIFIER, **fields)
        changed = True
    elif any(getattr(app, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(app, name, value)
        app.save(update_fields=list(fields))
        changed = True
    wanted_permissions = set(manifest["permissions"])
    if set(app.permissions.all()) != wanted_permissions:
        app.permissions.set(wanted_permissions)
        changed = True
    return app, _sync_extensions(app, manifest["extensions"]) or changed


def _sync_extensions(app: App, extensions: list[dict[str, Any]]) -> bool:
    """Make the App's extensions exactly the manifest's (one per mount); True if any changed."""
    wanted = {data["mount"]: data for data in extensions}
    changed = False
    kept: set[str] = set()
    for extension in app.extensions.all():
        data = wanted.get(extension.mount)
        if (
            data is not None
            and extension.mount not in kept
            and _extension_state(extension, _extension_fields(data))
            == _wanted_state(data, _extension_fields(data))
        ):
            kept.add(extension.mount)
            continue
        extension.delete()
        changed = True
    for mount, data in wanted.items():
        if mount in kept:
            continue
        extension = AppExtension.objects.create(app=app, **_extension_fields(data))
        extension.permissions.set(data.get("permissions", []))
        changed = True
    return changed


@transaction.atomic
def remove_dashboard_app() -> bool:
    """Delete the dashboard App with its extensions; its tokens stop being accepted at once."""
    deleted, _ = App.objects.filter(identifier=DASHBOARD_APP_IDENTIFIER).delete()
    return deleted > 0
