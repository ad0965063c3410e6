"""Fixtures of the notification tests: customers with names, phones and languages."""

import pytest
from saleor.account.models import Address

from ..helpers import configure_plugin

TR_PHONE = "+905321234567"
EN_PHONE = "+447911123456"


@pytest.fixture
def turkish_order(order_with_lines):
    """An order placed in Turkish by Ahmet Yılmaz, with a Turkish mobile number."""
    address = Address.objects.create(
        first_name="Ahmet",
        last_name="Yılmaz",
        street_address_1="Bağdat Caddesi 12",
        city="İSTANBUL",
        postal_code="34710",
        country="TR",
        phone=TR_PHONE,
    )
    order_with_lines.billing_address = address
    order_with_lines.shipping_address = address.get_copy()
    order_with_lines.language_code = "tr"
    order_with_lines.user_email = "ahmet@example.com"
    order_with_lines.save(
        update_fields=["billing_address", "shipping_address", "language_code", "user_email"]
    )
    return order_with_lines


@pytest.fixture
def english_order(order_with_lines):
    """An order placed in English by Jane Smith."""
    address = Address.objects.create(
        first_name="Jane",
        last_name="Smith",
        street_address_1="1 High Street",
        city="LONDON",
        postal_code="SW1A 1AA",
        country="GB",
        phone=EN_PHONE,
    )
    order_with_lines.billing_address = address
    order_with_lines.shipping_address = address.get_copy()
    order_with_lines.language_code = "en"
    order_with_lines.user_email = "jane@example.com"
    order_with_lines.save(
        update_fields=["billing_address", "shipping_address", "language_code", "user_email"]
    )
    return order_with_lines


@pytest.fixture
def email_only(db):
    """A merchant who sends shipping milestones by email only, with Yurtiçi as carrier."""
    configure_plugin(
        default_carrier="yurtici",
        **{
            f"notify_{code}_channels": "email"
            for code in (
                "shipped",
                "out_for_delivery",
                "available_for_pickup",
                "delivered",
                "failed_attempt",
                "delivery_exception",
            )
        },
    )


@pytest.fixture
def staff_fulfiller(staff_api_client, permission_group_manage_orders):
    """Saleor's staff API client, allowed to fulfil orders."""
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    return staff_api_client


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run the block, then what it scheduled for after commit (as a real commit would)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
