"""Asking for a rating: once per order, after delivery, held back while something is open."""

from datetime import timedelta

import pytest
from django.utils import timezone
from saleor.order.models import OrderEvent

from saleor_tracking_plugin.delays.models import OrderDelay
from saleor_tracking_plugin.returns.models import Return
from saleor_tracking_plugin.surveys import complaints
from saleor_tracking_plugin.surveys.messages import SURVEY_REQUEST
from saleor_tracking_plugin.surveys.models import Complaint, Survey, SurveySkip, SurveyStatus
from saleor_tracking_plugin.surveys.requests import scan_due_surveys
from saleor_tracking_plugin.tracking.models import Shipment

from ..survey_fixtures import queued
from .helpers import configure_plugin

SURVEY_PAGE = "/plugins/global/saleor_tracking_plugin/pages/survey/?t="


def test_a_delivered_order_is_asked_once_with_a_link_per_score(delivered_order):
    # given an order delivered two days ago (the default delay is 24 hours)

    # when the hourly scan runs twice
    first = scan_due_surveys()
    second = scan_due_surveys()

    # then one survey email went out, with five one-tap score links
    assert (first, second) == (1, 0)
    [message] = queued(delivered_order, SURVEY_REQUEST)
    assert message.channel == "email"
    for score in range(1, 6):
        assert f"score={score}" in message.body_html
    assert SURVEY_PAGE in message.body
    survey = Survey.objects.get(order=delivered_order)
    assert survey.status == SurveyStatus.SENT
    assert OrderEvent.objects.filter(
        order=delivered_order, parameters__message="Satisfaction survey sent"
    ).exists()


def test_the_survey_waits_for_the_delay_after_the_delivery_scan(delivered_order):
    # given a parcel delivered one hour ago, and a 24-hour delay
    Shipment.objects.filter(order=delivered_order).update(
        delivered_at=timezone.now() - timedelta(hours=1)
    )

    # when the scan runs
    scan_due_surveys()

    # then nothing is sent yet
    assert queued(delivered_order, SURVEY_REQUEST) == []
    assert not Survey.objects.filter(order=delivered_order).exists()


def test_the_survey_waits_while_a_parcel_is_still_on_its_way(delivered_order):
    # given a second parcel of the order still in transit
    Shipment.objects.create(
        order=delivered_order, carrier_code="yurtici", tracking_number="1", status="in_transit"
    )

    # when the scan runs
    scan_due_surveys()

    # then the order is not asked
    assert queued(delivered_order, SURVEY_REQUEST) == []


@pytest.mark.parametrize(("days_ago", "asked"), [(6, False), (8, True)])
def test_an_order_without_tracked_parcels_is_asked_fallback_days_after_fulfillment(
    delivered_order, days_ago, asked
):
    # given an order whose fulfillment has no tracked parcel, made `days_ago` days ago
    Shipment.objects.filter(order=delivered_order).delete()
    delivered_order.fulfillments.update(created_at=timezone.now() - timedelta(days=days_ago))

    # when the scan runs (fallback: 7 days)
    scan_due_surveys()

    # then it is asked only after the fallback days
    assert bool(queued(delivered_order, SURVEY_REQUEST)) is asked


def test_an_open_return_holds_the_survey_back_with_its_reason(delivered_order):
    # given the customer has an open return
    ret = Return.objects.create(
        order=delivered_order,
        rma="RMA-1",
        status="approved",
        reason="defective",
        resolution="refund",
    )

    # when the scan runs twice
    scan_due_surveys()
    scan_due_surveys()

    # then no survey is sent and the hold is recorded once, with its reason
    assert queued(delivered_order, SURVEY_REQUEST) == []
    survey = Survey.objects.get(order=delivered_order)
    assert (survey.status, survey.hold_reason) == (SurveyStatus.HELD, "open_return")
    assert list(SurveySkip.objects.values_list("reason", flat=True)) == ["open_return"]

    # and once the return is over, the survey goes out
    ret.status = "refunded"
    ret.save()
    scan_due_surveys()
    assert len(queued(delivered_order, SURVEY_REQUEST)) == 1


def test_an_open_complaint_holds_the_survey_back(delivered_order):
    # given the customer already wrote to the shop about the order on the complaint page
    complaints.customer_writes(delivered_order, "Where is the missing mug?")

    # when the scan runs
    scan_due_surveys()

    # then no survey is sent while the complaint is not resolved
    assert queued(delivered_order, SURVEY_REQUEST) == []
    assert Survey.objects.get(order=delivered_order).hold_reason == "open_complaint"

    # and once it is resolved, the survey goes out
    Complaint.objects.filter(order=delivered_order).update(status="resolved")
    scan_due_surveys()
    assert len(queued(delivered_order, SURVEY_REQUEST)) == 1


def test_an_undelivered_delay_case_holds_the_survey_back(delivered_order):
    # given a delay case of the order that is not closed
    OrderDelay.objects.create(order=delivered_order, opened_at=timezone.now())

    # when the scan runs
    scan_due_surveys()

    # then the survey is held with the reason recorded
    assert queued(delivered_order, SURVEY_REQUEST) == []
    assert SurveySkip.objects.get().reason == "open_delay"


def test_a_survey_held_past_the_window_is_dropped(delivered_order):
    # given an order delivered 34 days ago whose return is still open
    Shipment.objects.filter(order=delivered_order).update(
        delivered_at=timezone.now() - timedelta(days=34)
    )
    delivered_order.fulfillments.update(created_at=timezone.now() - timedelta(days=35))
    Return.objects.create(
        order=delivered_order,
        rma="RMA-2",
        status="requested",
        reason="defective",
        resolution="refund",
    )

    # when the scan runs (window: 30 days)
    scan_due_surveys()

    # then it is never asked
    assert Survey.objects.get(order=delivered_order).status == SurveyStatus.DROPPED
    assert queued(delivered_order, SURVEY_REQUEST) == []


def test_merchants_can_turn_surveys_off(delivered_order):
    # given surveys are turned off
    configure_plugin(survey_enabled=False)

    # when the scan runs
    sent = scan_due_surveys()

    # then nothing is sent
    assert sent == 0
    assert queued(delivered_order, SURVEY_REQUEST) == []


def test_merchants_choose_the_channels_of_the_survey(delivered_order):
    # given the survey goes out on no channel
    configure_plugin(notify_survey_request_channels="none")

    # when the scan runs
    scan_due_surveys()

    # then no message is queued
    assert queued(delivered_order, SURVEY_REQUEST) == []
