"""Staff permissions are checked with one small SQL statement (saleor_glue/permissions.py)
instead of Saleor's whole effective-permission set; the answer must stay Saleor's own."""

import pytest
from saleor.account.models import Group
from saleor.graphql.tests.fixtures import ApiClient
from saleor.permission.enums import OrderPermissions, PluginsPermissions

from saleor_tracking_plugin.saleor_glue.permissions import user_holds

from ..fixtures import TRACKING_API_PATH, tracking_content

pytestmark = pytest.mark.django_db

STAFF_QUERY = "query { returns(first: 1) { edges { cursor } } }"
MANAGE_ORDERS = OrderPermissions.MANAGE_ORDERS.value
MANAGE_PLUGINS = PluginsPermissions.MANAGE_PLUGINS.value


def staff_answer(user) -> str:
    """`allowed`, or the error code the plugin's endpoint gave this user's token."""
    content = tracking_content(
        ApiClient(user=user, api_path=TRACKING_API_PATH).post_graphql(STAFF_QUERY)
    )
    if "errors" in content:
        return content["errors"][0]["extensions"]["code"]
    return "allowed"


def saleors_answer(user, permission: str) -> bool:
    user.refresh_from_db()
    return user.has_perm(permission)


def test_a_permission_held_through_a_group_is_held(staff_user, permission_group_manage_orders):
    # given a staff member in a group granting MANAGE_ORDERS
    permission_group_manage_orders.user_set.add(staff_user)
    # then both answers agree that it is held, and the other permission is not
    assert user_holds(staff_user.pk, MANAGE_ORDERS) is saleors_answer(staff_user, MANAGE_ORDERS)
    assert user_holds(staff_user.pk, MANAGE_ORDERS) is True
    assert user_holds(staff_user.pk, MANAGE_PLUGINS) is saleors_answer(staff_user, MANAGE_PLUGINS)
    assert user_holds(staff_user.pk, MANAGE_PLUGINS) is False


def test_a_permission_given_to_the_user_directly_is_held(staff_user, permission_manage_orders):
    # given a staff member holding MANAGE_ORDERS without any group
    staff_user.user_permissions.add(permission_manage_orders)
    # then it is held, as Saleor says
    assert user_holds(staff_user.pk, MANAGE_ORDERS) is True
    assert saleors_answer(staff_user, MANAGE_ORDERS) is True


def test_another_members_group_grants_nothing(
    staff_user, staff_users, permission_group_manage_orders
):
    # given a group granting MANAGE_ORDERS to another staff member only
    other = next(user for user in staff_users if user.pk != staff_user.pk)
    permission_group_manage_orders.user_set.add(other)
    Group.objects.create(name="Empty group").user_set.add(staff_user)
    # then the first member does not hold it
    assert user_holds(staff_user.pk, MANAGE_ORDERS) is False
    assert saleors_answer(staff_user, MANAGE_ORDERS) is False
    assert staff_answer(staff_user) == "PERMISSION_DENIED"


def test_a_permission_removed_from_the_group_is_refused_on_the_next_request(
    staff_user, permission_group_manage_orders, permission_manage_orders
):
    # given a staff member who could list returns through a group
    permission_group_manage_orders.user_set.add(staff_user)
    assert staff_answer(staff_user) == "allowed"
    # when the group loses MANAGE_ORDERS
    permission_group_manage_orders.permissions.remove(permission_manage_orders)
    # then the next request is refused: nothing is remembered between requests
    assert staff_answer(staff_user) == "PERMISSION_DENIED"


def test_a_superuser_without_groups_is_allowed(superuser):
    # given a superuser in no group, then Saleor's own rule lets them in
    assert staff_answer(superuser) == "allowed"


def test_staff_access_stripped_by_the_password_login_mode_is_refused(
    staff_user, permission_group_manage_orders, site_settings
):
    # given a staff member holding MANAGE_ORDERS, and Saleor allowing password logins to
    # customers only (Saleor 3.23 and later)
    password_login_mode = pytest.importorskip("saleor.site").__dict__.get("PasswordLoginMode")
    if password_login_mode is None:
        pytest.skip("this Saleor has no password login modes")
    permission_group_manage_orders.user_set.add(staff_user)
    site_settings.password_login_mode = password_login_mode.CUSTOMERS_ONLY
    site_settings.save(update_fields=["password_login_mode"])
    # then their password-login token gets no staff access here either
    assert staff_answer(staff_user) == "PERMISSION_DENIED"
