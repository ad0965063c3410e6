"""The webhook front door: aggregator deliveries at /tracking/webhooks/<provider>/, served from
Saleor's own URL list without its plugin routing, with the plugin's state kept per process
for a few seconds (`kept_settings`)."""

import logging

from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time
from saleor.plugins.models import PluginConfiguration

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.aggregators.actions import KICK_KEY
from saleor_tracking_plugin.carriers.models import WebhookDelivery
from saleor_tracking_plugin.kept_settings import KEPT_SECONDS

from .carrier_helpers import shipment_for
from .helpers import configure_plugin
from .test_aggregator_webhooks import (
    SECRET,
    aftership_delivery,
    aftership_signature,
    easypost_event,
    post,
)

FRONT_DOOR = "/tracking/webhooks/"
NEW_SECRET = "whsec_rotated_51c2"


def deliver(client, body: bytes, secret: str = SECRET, provider: str = "aftership"):
    return post(
        client,
        f"{FRONT_DOOR}{provider}/",
        body,
        HTTP_AFTERSHIP_HMAC_SHA256=aftership_signature(body, secret),
    )


def saved_elsewhere(**values) -> None:
    """Change the saved configuration as another server process would: in the database only,
    without this process's save signals."""
    config = PluginConfiguration.objects.get(identifier=PLUGIN_ID)
    saved = {item["name"]: item for item in config.configuration}
    for name, value in values.items():
        saved[name] = {"name": name, "value": value}
    PluginConfiguration.objects.filter(pk=config.pk).update(configuration=list(saved.values()))


def test_a_signed_delivery_at_the_front_door_is_stored_and_applied(
    client, customer_order, django_capture_on_commit_callbacks
):
    # given a Yurtiçi parcel followed in AfterShip, its webhook secret saved
    configure_plugin(aftership_webhook_secret=SECRET)
    shipment = shipment_for(customer_order, "yurtici", "305712345678")
    cache.delete(KICK_KEY)

    # when AfterShip posts a signed update to the front door
    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, aftership_delivery())

    # then it is accepted as under the plugin URL, and the inbox task applies it
    assert response.status_code == 200
    assert response.json() == {"status": "accepted"}
    assert WebhookDelivery.objects.get().outcome == "applied"
    shipment.refresh_from_db()
    assert shipment.status == "delivered"


def test_a_forged_delivery_at_the_front_door_is_refused_and_not_stored(client, caplog):
    configure_plugin(aftership_webhook_secret=SECRET)

    with caplog.at_level(logging.WARNING):
        response = deliver(client, aftership_delivery(), secret="guessed")

    assert response.status_code == 401
    assert response.json() == {"error": "wrong signature"}
    assert "wrong signature" in caplog.text
    assert not WebhookDelivery.objects.exists()


def test_each_provider_keeps_its_own_format_at_the_front_door(client):
    # given EasyPost's secret saved; an EasyPost event signed as AfterShip signs
    configure_plugin(easypost_webhook_secret=SECRET)

    response = deliver(client, easypost_event(), provider="easypost")

    # then EasyPost's own signature header is required
    assert response.status_code == 401
    assert not WebhookDelivery.objects.exists()


def test_an_unknown_provider_is_not_found_at_the_front_door(client):
    configure_plugin(aftership_webhook_secret=SECRET)

    response = deliver(client, aftership_delivery(), provider="shipstation")

    assert response.status_code == 404


def test_the_front_door_is_closed_while_the_plugin_is_inactive(client):
    # given the merchant deactivated the plugin (a save in this process)
    configure_plugin(aftership_webhook_secret=SECRET)
    config = PluginConfiguration.objects.get(identifier=PLUGIN_ID)
    config.active = False
    config.save()

    response = deliver(client, aftership_delivery())

    assert response.status_code == 404
    assert not WebhookDelivery.objects.exists()


def test_a_secret_changed_by_another_process_is_accepted_at_once(client):
    # given this process has kept the first secret (it served a delivery with it)
    configure_plugin(aftership_webhook_secret=SECRET)
    assert deliver(client, aftership_delivery(event_id="before")).status_code == 200

    # when another process saves a new secret and AfterShip signs with it
    saved_elsewhere(aftership_webhook_secret=NEW_SECRET)
    response = deliver(client, aftership_delivery(event_id="after"), secret=NEW_SECRET)

    # then the failed check against the kept secret made the front door read it again
    assert response.status_code == 200
    assert WebhookDelivery.objects.filter(delivery_id="after").exists()


def test_an_old_secret_is_refused_once_the_kept_state_has_expired(client):
    with freeze_time(timezone.now()) as clock:
        # given the first secret kept, then replaced by another process
        configure_plugin(aftership_webhook_secret=SECRET)
        assert deliver(client, aftership_delivery(event_id="before")).status_code == 200
        saved_elsewhere(aftership_webhook_secret=NEW_SECRET)

        # when a delivery signed with the old secret arrives once the kept state expired
        clock.tick(KEPT_SECONDS + 1)
        response = deliver(client, aftership_delivery(event_id="late"), secret=SECRET)

    # then it is refused
    assert response.status_code == 401
    assert not WebhookDelivery.objects.filter(delivery_id="late").exists()


def test_a_deactivation_by_another_process_closes_the_door_to_unverified_secrets(client):
    # given the first secret kept, then the plugin deactivated and its secret replaced
    # elsewhere
    configure_plugin(aftership_webhook_secret=SECRET)
    assert deliver(client, aftership_delivery(event_id="before")).status_code == 200
    saved_elsewhere(aftership_webhook_secret=NEW_SECRET)
    PluginConfiguration.objects.filter(identifier=PLUGIN_ID).update(active=False)

    # when a delivery signed with the new secret arrives (the kept one does not match)
    response = deliver(client, aftership_delivery(event_id="after"), secret=NEW_SECRET)

    # then the fresh read finds the plugin inactive and nothing is stored
    assert response.status_code == 404
    assert not WebhookDelivery.objects.filter(delivery_id="after").exists()
