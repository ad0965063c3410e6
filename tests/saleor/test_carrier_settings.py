"""Carrier settings in Saleor's plugin settings, and the polling round on Saleor's beat."""

from saleor.graphql.tests.utils import get_graphql_content

from saleor_tracking_plugin import PLUGIN_ID

from .helpers import configure_plugin

PLUGIN_SETTINGS = """
query Plugin($id: ID!) {
  plugin(id: $id) {
    globalConfiguration { configuration { name value type } }
  }
}
"""


def test_carrier_secrets_stay_secret_in_saleors_plugin_api(
    staff_api_client, permission_manage_plugins
):
    # given credentials saved in the dashboard
    configure_plugin(ups_client_id="ups-public-id", ups_client_secret="ups-s3cret-9876")
    staff_api_client.user.user_permissions.add(permission_manage_plugins)

    # when staff read the plugin's settings through Saleor's API
    content = get_graphql_content(staff_api_client.post_graphql(PLUGIN_SETTINGS, {"id": PLUGIN_ID}))

    # then the secret shows only its last characters, the plain id in full
    fields = {
        f["name"]: f for f in content["data"]["plugin"]["globalConfiguration"]["configuration"]
    }
    assert fields["ups_client_secret"]["type"] == "SECRET"
    assert fields["ups_client_secret"]["value"] == "9876"
    assert fields["ups_client_id"]["value"] == "ups-public-id"
    for name in ("mng_password", "aftership_webhook_secret", "easypost_webhook_secret"):
        assert fields[name]["type"] == "SECRET"
