"""Saleor's customer and staff accounts, looked up by the plugin (staff assignees)."""

from saleor.account.models import User


def find_user(pk: int) -> User | None:
    """The Saleor user with this primary key (decoded by `graphql.core.int_pk`), if any."""
    return User.objects.filter(pk=pk).first()
