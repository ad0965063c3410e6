"""Customers can stop messages, and phones stay silent during the shop's quiet hours."""

import json
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import responses
from django.core import mail
from freezegun import freeze_time

from saleor_tracking_plugin.notifications.api import notify
from saleor_tracking_plugin.notifications.catalog import Category, Channel
from saleor_tracking_plugin.notifications.consent import is_allowed, set_preference
from saleor_tracking_plugin.notifications.models import (
    ContactPreference,
    MessageStatus,
    OutboxMessage,
)
from saleor_tracking_plugin.notifications.tasks import dispatch_outbox_task
from saleor_tracking_plugin.tracking.actions import record_events
from saleor_tracking_plugin.tracking.models import Shipment
from saleor_tracking_plugin.tracking.progress import TrackingEventData
from saleor_tracking_plugin.tracking.statuses import ShipmentStatus

from ..helpers import configure_plugin, fulfill
from .providers import NETGSM, NETGSM_URL, recorded

# 23:30 in Istanbul (UTC+3): inside the default quiet hours 21:00-09:00.
LATE_EVENING = datetime(2026, 11, 23, 20, 30, tzinfo=UTC)
NINE_AM_ISTANBUL = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)


def _unsubscribe_path(email) -> str:
    url = email.extra_headers["List-Unsubscribe"].strip("<>")
    parsed = urlparse(url)
    return f"{parsed.path}?t={parse_qs(parsed.query)['t'][0]}"


def test_the_emails_unsubscribe_link_stops_further_emails_of_that_kind(
    client, turkish_order, email_only, after_commit
):
    with after_commit():
        notify(turkish_order, "shipped", dedupe_key="first")
    path = _unsubscribe_path(mail.outbox[0])

    # the link opens a confirmation page in Turkish; following it changes nothing yet
    page = client.get(path)
    assert page.status_code == 200
    assert "Bu iletiler durdurulsun mu?" in page.content.decode()
    assert not ContactPreference.objects.exists()

    # confirming stops emails about orders to that address
    confirmed = client.post(path, {"action": "unsubscribe"})
    assert "Aboneliğiniz sonlandırıldı" in confirmed.content.decode()
    with after_commit():
        assert notify(turkish_order, "delivered", dedupe_key="second") == []
    assert len(mail.outbox) == 1


def test_mail_clients_one_click_unsubscribe_works(client, turkish_order, email_only, after_commit):
    with after_commit():
        notify(turkish_order, "shipped", dedupe_key="first")

    response = client.post(
        _unsubscribe_path(mail.outbox[0]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not is_allowed("ahmet@example.com", Channel.EMAIL, Category.TRANSACTIONAL)


def test_a_forged_unsubscribe_link_changes_nothing(client):
    response = client.post("/plugins/global/saleor_tracking_plugin/pages/unsubscribe/?t=forged")

    assert response.status_code == 404
    assert not ContactPreference.objects.exists()


def test_an_email_opt_out_does_not_stop_sms(turkish_order, after_commit):
    configure_plugin(
        default_carrier="yurtici",
        notify_shipped_channels="email, sms",
        quiet_hours_start="00:00",
        quiet_hours_end="00:00",
        **NETGSM,
    )
    set_preference("ahmet@example.com", Channel.EMAIL, Category.TRANSACTIONAL, False, "test")

    with responses.RequestsMock() as provider, after_commit():
        provider.post(NETGSM_URL, json=recorded("netgsm/send_ok"))
        queued = notify(turkish_order, "shipped", dedupe_key="mixed")

    assert [message.channel for message in queued] == ["sms"]
    assert mail.outbox == []


def test_marketing_needs_an_opt_in_while_order_updates_need_no_opt_out(db):
    phone = "+905321234567"
    assert is_allowed(phone, Channel.SMS, Category.TRANSACTIONAL)
    assert not is_allowed(phone, Channel.SMS, Category.MARKETING)

    set_preference(phone, Channel.SMS, Category.MARKETING, True, "checkout")

    assert is_allowed(phone, Channel.SMS, Category.MARKETING)


def test_sms_queued_at_night_goes_out_when_quiet_hours_end(turkish_order, after_commit):
    # given a merchant with Netgsm SMS and email, and the default quiet hours 21:00-09:00
    configure_plugin(default_carrier="yurtici", notify_shipped_channels="email, sms", **NETGSM)

    with responses.RequestsMock() as provider:
        provider.post(NETGSM_URL, json=recorded("netgsm/send_ok"))

        # when the parcel ships at 23:30 shop time
        with freeze_time(LATE_EVENING), after_commit():
            messages = notify(turkish_order, "shipped", dedupe_key="night")
        sms = next(m for m in messages if m.channel == Channel.SMS)

        # then the email goes now, the SMS waits for 09:00 shop time
        assert len(mail.outbox) == 1
        assert len(provider.calls) == 0
        assert sms.not_before == NINE_AM_ISTANBUL
        with freeze_time("2026-11-24 05:59:00"):
            assert dispatch_outbox_task() == 0
        with freeze_time("2026-11-24 06:00:30"):
            assert dispatch_outbox_task() == 1
        assert len(provider.calls) == 1

    sms.refresh_from_db()
    assert sms.status == MessageStatus.SENT


def test_a_customer_who_opts_out_before_the_night_ends_gets_nothing(turkish_order, after_commit):
    configure_plugin(default_carrier="yurtici", notify_shipped_channels="sms", **NETGSM)
    with freeze_time(LATE_EVENING), after_commit():
        [sms] = notify(turkish_order, "shipped", dedupe_key="night")

    set_preference(sms.recipient, Channel.SMS, Category.TRANSACTIONAL, False, "reply STOP")
    with responses.RequestsMock() as provider, freeze_time("2026-11-24 06:00:30"):
        dispatch_outbox_task()
        assert len(provider.calls) == 0

    sms.refresh_from_db()
    assert sms.status == MessageStatus.CANCELLED


def test_an_sms_held_overnight_says_the_estimate_known_in_the_morning(
    staff_fulfiller, turkish_order, warehouse, after_commit
):
    # given an SMS about a parcel shipped at 23:30, when no delivery estimate was known yet
    configure_plugin(default_carrier="yurtici", notify_shipped_channels="sms", **NETGSM)
    with freeze_time(LATE_EVENING):
        fulfill(staff_fulfiller, turkish_order, warehouse, "305712345678")
    sms = OutboxMessage.objects.get(order=turkish_order)
    assert "tahmini teslim" not in sms.body

    # when the carrier reports an estimate during the night (02:00 in Istanbul)
    shipment = Shipment.objects.get(order=turkish_order)
    with freeze_time(LATE_EVENING + timedelta(hours=2, minutes=30)), after_commit():
        record_events(
            shipment.pk,
            [TrackingEventData(occurred_at=LATE_EVENING, status=ShipmentStatus.IN_TRANSIT)],
            "poll",
            estimated_delivery=date(2026, 11, 25),
        )

    # then the SMS sent after the quiet hours says it, and the history shows that text
    with responses.RequestsMock() as provider, freeze_time("2026-11-24 06:00:30"):
        provider.post(NETGSM_URL, json=recorded("netgsm/send_ok"))
        dispatch_outbox_task()
        sent_text = json.loads(provider.calls[0].request.body)["messages"][0]["msg"]
    expected = (
        f"Sayın Ahmet Yılmaz, {turkish_order.number} numaralı siparişiniz Yurtiçi Kargo ile "
        "yola çıktı; tahmini teslim 25 Kasım 2026."
    )
    assert sent_text.startswith(expected)
    sms.refresh_from_db()
    assert sms.status == MessageStatus.SENT
    assert sms.body == sent_text
