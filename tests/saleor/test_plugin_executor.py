"""The plugin's GraphQL runs on graphql-core's executor without Saleor's per-field patch
(graphql/executor.py), while Saleor's own API keeps it."""

import graphene
import pytest
from saleor.core.db import connection as saleor_connection

from ..fixtures import tracking_content

pytestmark = pytest.mark.django_db

PLUGIN_QUERY = "query { carriers { code name } }"
SALEOR_QUERY = "query Order($id: ID!) { order(id: $id) { number } }"


@pytest.fixture
def patch_entries(monkeypatch):
    """How many times Saleor's per-field patch entered its context manager."""
    entries = []
    original = saleor_connection.allow_writer_in_context

    def counted(context):
        entries.append(context)
        return original(context)

    # Saleor's patch imports it from this module at each field, so the count sees every one.
    monkeypatch.setattr(saleor_connection, "allow_writer_in_context", counted)
    return entries


def test_the_plugins_fields_skip_saleors_per_field_patch(guest_tracking_client, patch_entries):
    # when the plugin's endpoint answers a query of many fields
    content = tracking_content(guest_tracking_client.post_graphql(PLUGIN_QUERY))
    # then every field was answered and none went through Saleor's patch
    assert len(content["data"]["carriers"]) > 1
    assert patch_entries == []


def test_saleors_own_api_keeps_its_patch(staff_api_client, order, patch_entries):
    # when Saleor's own endpoint answers a query, then its fields still go through the patch
    variables = {"id": graphene.Node.to_global_id("Order", order.pk)}
    response = staff_api_client.post_graphql(SALEOR_QUERY, variables)
    assert response.status_code == 200
    assert patch_entries
