"""Who is asking: Saleor's own JWT users and app tokens, and their permissions."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import graphene
import jwt
from saleor.core.auth import get_token_from_request
from saleor.core.auth_backend import load_user_from_request
from saleor.core.jwt import (
    JWT_THIRDPARTY_ACCESS_TYPE,
    PERMISSIONS_FIELD,
    get_user_from_access_payload,
    jwt_decode,
)
from saleor.graphql.app.dataloaders.utils import promise_app
from saleor.permission.enums import OrderPermissions, PluginsPermissions

from .dashboard_app import installed_dashboard_app
from .permissions import narrowed_by_saleor, user_holds

if TYPE_CHECKING:
    from django.http import HttpRequest
    from saleor.account.models import User
    from saleor.app.models import App

# Saleor's app tokens are 30 characters; anything else in the header is a JWT.
APP_TOKEN_LENGTH = 30


class InvalidToken(Exception):
    """The request carried a token Saleor does not accept."""


@dataclass(frozen=True)
class Requestor:
    """The authenticated caller: a customer or staff user, an app, or nobody (a guest)."""

    user: "User | None" = None
    app: "App | None" = None
    # Set for the dashboard extension's token: the permissions Saleor signed into it (the
    # intersection of the App's and the staff user's). They alone count, even for a superuser.
    token_permissions: frozenset[str] | None = None
    # Answers of `user_holds` for this request, by permission.
    held: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @property
    def can_manage_orders(self) -> bool:
        """Staff user or app holding Saleor's MANAGE_ORDERS permission."""
        return self._holds(OrderPermissions.MANAGE_ORDERS)

    @property
    def can_manage_plugins(self) -> bool:
        """Staff user or app holding Saleor's MANAGE_PLUGINS (may change the settings)."""
        return self._holds(PluginsPermissions.MANAGE_PLUGINS)

    def _holds(self, permission: OrderPermissions | PluginsPermissions) -> bool:
        if self.app is not None:
            return self.app.has_perm(permission)
        if self.token_permissions is not None:
            return (
                self.user is not None
                and self.user.is_active
                and permission.name in self.token_permissions
            )
        if self.user is None or not self.user.is_active:
            return False
        if narrowed_by_saleor(self.user):
            return self.user.has_perm(permission)
        # Asked once per request: both the permission gate and a resolver may ask.
        if permission.value not in self.held:
            self.held[permission.value] = user_holds(self.user.pk, permission.value)
        return self.held[permission.value]


def authenticate(request: "HttpRequest") -> Requestor:
    """Resolve the caller from Saleor's `Authorization: Bearer` header.

    Raises InvalidToken for an expired, forged or revoked token, so the caller gets a clear
    error instead of being silently treated as a guest.
    """
    token = get_token_from_request(request)
    if not token:
        return Requestor()
    if not hasattr(request, "dataloaders"):
        request.dataloaders = {}  # type: ignore[attr-defined]
    if len(token) == APP_TOKEN_LENGTH:
        app = promise_app(request).get()
        if app is None or not app.is_active:
            raise InvalidToken("Invalid app token.")
        return Requestor(app=app)
    if _unverified_type(token) == JWT_THIRDPARTY_ACCESS_TYPE:
        return _dashboard_extension_requestor(request, token)
    try:
        user = load_user_from_request(request)
    except jwt.PyJWTError as error:
        raise InvalidToken(str(error)) from error
    if user is None:
        raise InvalidToken("Invalid token.")
    return Requestor(user=user)


def _unverified_type(token: str) -> str | None:
    """The `type` claim, read before verification only to choose how to verify."""
    try:
        payload = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    return payload.get("type") if isinstance(payload, dict) else None


def _dashboard_extension_requestor(request: "HttpRequest", token: str) -> Requestor:
    """A token Saleor issued to an app for a staff user (the dashboard sends it to apps).

    Accepted only when Saleor's signature holds, it has not expired, it names the plugin's
    own dashboard App, and its staff user is still active with the same token key. Any
    other app's token is refused, so one app cannot act through another.
    """
    try:
        payload = jwt_decode(token)
        app = installed_dashboard_app()
        if app is None or payload.get("app") != graphene.Node.to_global_id("App", app.pk):
            raise InvalidToken("This token was not issued to the tracking dashboard app.")
        user = get_user_from_access_payload(payload, request)
    except jwt.PyJWTError as error:
        raise InvalidToken(str(error)) from error
    if user is None:
        raise InvalidToken("Invalid token.")
    permissions = payload.get(PERMISSIONS_FIELD) or []
    return Requestor(user=user, token_permissions=frozenset(map(str, permissions)))
