"""Who is asking: Saleor's own JWT users and app tokens, and their permissions."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

import jwt
from saleor.core.auth import get_token_from_request
from saleor.core.auth_backend import load_user_from_request
from saleor.graphql.app.dataloaders.utils import promise_app
from saleor.permission.enums import OrderPermissions

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

    @property
    def can_manage_orders(self) -> bool:
        """Staff user or app holding Saleor's MANAGE_ORDERS permission."""
        if self.app is not None:
            return self.app.has_perm(OrderPermissions.MANAGE_ORDERS)
        if self.user is not None and self.user.is_active:
            return self.user.has_perm(OrderPermissions.MANAGE_ORDERS)
        return False


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
    try:
        user = load_user_from_request(request)
    except jwt.PyJWTError as error:
        raise InvalidToken(str(error)) from error
    if user is None:
        raise InvalidToken("Invalid token.")
    return Requestor(user=user)
