"""Hostile or broken answers from a carrier never crash tracking and never expand entities."""

import pytest
import responses

from saleor_tracking_plugin.carriers.connector import Problem
from saleor_tracking_plugin.carriers.connectors import connector_for
from saleor_tracking_plugin.carriers.http import MAX_RESPONSE_BYTES

from ..harness import failure, settings_with
from ..recordings import replay

CREDENTIALS = {"yurtici_username": "YK<&>USER", "yurtici_password": "p&ss<word>"}


@pytest.mark.parametrize("case", ["entity_expansion", "external_entity"])
def test_an_answer_declaring_entities_is_refused_unread(case):
    error = failure("yurtici", "305712345678", case, **CREDENTIALS)

    assert error.problem == Problem.MALFORMED
    assert "DTD" in error.detail


def test_an_oversized_answer_is_refused_without_being_kept():
    connector = connector_for("yurtici", settings_with(**CREDENTIALS))
    with responses.RequestsMock() as mock:
        mock.add(
            responses.POST,
            "https://ws.yurticikargo.com/KOPSWebServices/ShippingOrderDispatcherServices",
            body=b"<a>" + b"x" * (MAX_RESPONSE_BYTES + 10) + b"</a>",
            content_type="text/xml",
        )
        with pytest.raises(Exception) as raised:
            connector.track(["305712345678"])

    assert raised.value.problem == Problem.MALFORMED
    assert "too large" in raised.value.detail


def test_a_slow_carrier_times_out_as_a_transient_failure():
    import requests

    connector = connector_for("yurtici", settings_with(**CREDENTIALS))
    with responses.RequestsMock() as mock:
        mock.add(
            responses.POST,
            "https://ws.yurticikargo.com/KOPSWebServices/ShippingOrderDispatcherServices",
            body=requests.exceptions.ReadTimeout("read timed out"),
        )
        with pytest.raises(Exception) as raised:
            connector.track(["305712345678"])

    assert raised.value.problem == Problem.TIMEOUT
    assert raised.value.transient


def test_the_request_escapes_credentials_and_asks_for_history():
    connector = connector_for("yurtici", settings_with(**CREDENTIALS))
    with replay("yurtici", "in_transit") as calls:
        connector.track(["305712345678"])

    [body] = calls.bodies()
    assert b"<wsUserName>YK&lt;&amp;&gt;USER</wsUserName>" in body
    assert b"<keys>305712345678</keys>" in body
    assert b"<addHistoricalData>true</addHistoricalData>" in body


@pytest.mark.parametrize(
    ("status", "problem"),
    [
        (401, Problem.AUTHENTICATION),
        (403, Problem.AUTHENTICATION),
        (429, Problem.RATE_LIMITED),
        (500, Problem.UNAVAILABLE),
        (503, Problem.UNAVAILABLE),
    ],
)
def test_http_failures_become_reasons_staff_can_act_on(status, problem):
    connector = connector_for("yurtici", settings_with(**CREDENTIALS))
    with responses.RequestsMock() as mock:
        mock.add(
            responses.POST,
            "https://ws.yurticikargo.com/KOPSWebServices/ShippingOrderDispatcherServices",
            status=status,
            body="error",
        )
        with pytest.raises(Exception) as raised:
            connector.track(["305712345678"])

    assert raised.value.problem == problem
