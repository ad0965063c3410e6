"""A logged-in customer reads and changes which messages they receive, per channel."""

from saleor_tracking_plugin.notifications.catalog import Category, Channel
from saleor_tracking_plugin.notifications.consent import is_allowed

from ...fixtures import tracking_content

MY_PREFERENCES = """
query { myMessagePreferences { channel category address subscribed } }
"""

UPDATE = """
mutation Update($channel: MessageChannel!, $category: MessageCategory!, $subscribed: Boolean!) {
  messagePreferenceUpdate(channel: $channel, category: $category, subscribed: $subscribed) {
    preferences { channel category address subscribed }
    errors { field code message }
  }
}
"""


def test_defaults_are_order_updates_on_and_marketing_off(customer_tracking_client, customer_user):
    response = customer_tracking_client.post_graphql(MY_PREFERENCES)

    preferences = tracking_content(response)["data"]["myMessagePreferences"]
    email = [p for p in preferences if p["channel"] == "EMAIL"]
    assert email == [
        {
            "channel": "EMAIL",
            "category": "TRANSACTIONAL",
            "address": customer_user.email,
            "subscribed": True,
        },
        {
            "channel": "EMAIL",
            "category": "MARKETING",
            "address": customer_user.email,
            "subscribed": False,
        },
    ]
    assert {p["channel"] for p in preferences} == {"EMAIL", "SMS", "WHATSAPP"}


def test_a_customer_opts_in_to_marketing_sms_for_their_own_numbers(
    customer_tracking_client, customer_user
):
    response = customer_tracking_client.post_graphql(
        UPDATE, {"channel": "SMS", "category": "MARKETING", "subscribed": True}
    )

    result = tracking_content(response)["data"]["messagePreferenceUpdate"]
    assert result["errors"] == []
    phone = str(customer_user.default_billing_address.phone)
    assert {"channel": "SMS", "category": "MARKETING", "address": phone, "subscribed": True} in (
        result["preferences"]
    )
    assert is_allowed(phone, Channel.SMS, Category.MARKETING)
    assert not is_allowed(phone, Channel.WHATSAPP, Category.MARKETING)


def test_a_customer_without_a_phone_cannot_choose_sms(customer_tracking_client, customer_user):
    customer_user.addresses.clear()

    response = customer_tracking_client.post_graphql(
        UPDATE, {"channel": "SMS", "category": "TRANSACTIONAL", "subscribed": False}
    )

    result = tracking_content(response)["data"]["messagePreferenceUpdate"]
    assert result["errors"][0]["code"] == "NO_ADDRESS"
    assert result["errors"][0]["field"] == "channel"


def test_guests_have_no_preferences_to_read(guest_tracking_client):
    response = guest_tracking_client.post_graphql(MY_PREFERENCES)

    assert tracking_content(response)["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
