"""MNG's two-step protocol: a customer token first, then the tracking call with it."""

from saleor_tracking_plugin.carriers.connectors import connector_for

from ..harness import settings_with
from ..recordings import replay


def test_tracking_calls_carry_the_api_client_and_the_customer_token():
    connector = connector_for(
        "mng",
        settings_with(
            mng_client_id="cid",
            mng_client_secret="csecret",
            mng_customer_number="123456",
            mng_password="s3cret",
        ),
    )
    with replay("mng", "in_transit") as calls:
        connector.track(["SIP1042"])

    assert calls.urls[0].endswith("/mngapi/api/token")
    assert calls.urls[1].endswith("/standardqueryapi/trackshipment/SIP1042")
    assert calls.headers(1)["Authorization"] == "Bearer eyJhbGciOiJIUzI1NiJ9.recorded.signature"
    assert calls.headers(1)["X-IBM-Client-Id"] == "cid"
