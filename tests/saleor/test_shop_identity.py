"""The shop a shopper sees on hosted pages and in messages is the one of their order's channel:
the plugin's per-channel lines, else Saleor's site settings, else the channel's name."""

import pytest
from django.core import mail

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.notifications.models import OutboxMessage
from saleor_tracking_plugin.pages.links import order_token
from saleor_tracking_plugin.surveys.requests import scan_due_surveys

from .helpers import configure_plugin
from .notifications.providers import TWILIO

TRACK_PATH = f"/plugins/global/{PLUGIN_ID}/pages/track/"
LOGO = "https://cdn.example.com/logo-tr.png"


@pytest.fixture
def turkish_brand(channel_USD):
    """The shop sells in its main channel as "Örnek Mağaza", with its own contact and logo."""
    slug = channel_USD.slug
    configure_plugin(
        shop_identity_by_channel=(
            f"{slug}.name=Örnek Mağaza\n"
            f"{slug}.email=destek@ornek.example\n"
            f"{slug}.phone=+90 212 555 01 01  # the Istanbul desk\n"
            f"{slug}.logo={LOGO}\n"
        )
    )


def _tracking_page(client, order) -> str:
    response = client.get(TRACK_PATH, {"t": order_token(order, "track"), "lang": "en"})
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_of_an_order_shows_its_channels_shop(client, delivered_order, turkish_brand):
    body = _tracking_page(client, delivered_order)

    assert "<span>Örnek Mağaza</span>" in body
    assert 'href="mailto:destek@ornek.example"' in body
    assert "+90 212 555 01 01" in body
    assert f'<img src="{LOGO}"' in body


def test_an_order_of_another_channel_shows_the_site_settings_shop(
    client, delivered_order, turkish_brand, channel_PLN, site_settings
):
    delivered_order.channel = channel_PLN
    delivered_order.save(update_fields=["channel"])

    body = _tracking_page(client, delivered_order)

    assert f"<span>{site_settings.default_mail_sender_name}</span>" in body
    assert f'href="mailto:{site_settings.default_mail_sender_address}"' in body
    assert "Örnek Mağaza" not in body
    assert LOGO not in body


def test_without_a_name_in_site_settings_the_channel_names_the_shop(
    client, delivered_order, site_settings
):
    site_settings.default_mail_sender_name = ""
    site_settings.save(update_fields=["default_mail_sender_name"])

    body = _tracking_page(client, delivered_order)

    assert f"<span>{delivered_order.channel.name}</span>" in body


def test_messages_of_the_order_are_signed_by_its_channels_shop(delivered_order, turkish_brand):
    configure_plugin(
        notify_survey_request_channels="email, sms",
        quiet_hours_start="",
        quiet_hours_end="",
        **TWILIO,
    )
    delivered_order.billing_address.phone = "+905321234567"
    delivered_order.billing_address.save(update_fields=["phone"])

    scan_due_surveys()

    rows = {m.channel: m for m in OutboxMessage.objects.filter(order=delivered_order)}
    assert "Örnek Mağaza" in rows["email"].body_html
    assert "destek@ornek.example" in rows["email"].body_html
    assert f'src="{LOGO}"' in rows["email"].body_html
    assert "Örnek Mağaza · " in rows["email"].body  # the plain-text part's signature
    assert "\nÖrnek Mağaza\n" in rows["sms"].body


def test_the_email_comes_from_the_channels_shop_and_replies_reach_it(
    delivered_order, turkish_brand, site_settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        scan_due_surveys()

    [email] = mail.outbox
    assert email.from_email == f'"Örnek Mağaza" <{site_settings.default_mail_sender_address}>'
    assert email.reply_to == ["destek@ornek.example"]


def test_without_a_channel_line_the_email_is_saleors_sender_alone(
    delivered_order, site_settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        scan_due_surveys()

    [email] = mail.outbox
    assert email.from_email == (
        f'"{site_settings.default_mail_sender_name}" <{site_settings.default_mail_sender_address}>'
    )
    assert email.reply_to == []
