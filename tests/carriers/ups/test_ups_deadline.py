"""A karrio call that hangs is cut off at the merchant's timeout."""

import time

from saleor_tracking_plugin.carriers.connector import Problem

from ..harness import failure

CREDENTIALS = {
    "ups_client_id": "merchant-client-id",
    "ups_client_secret": "s3cret",
    "carrier_timeout_seconds": "1",
}


def test_a_slow_ups_answer_fails_as_a_timeout_within_the_deadline():
    started = time.monotonic()

    error = failure("ups", "1Z5338FF0107231059", "slow_answer", **CREDENTIALS)

    assert error.problem == Problem.TIMEOUT
    assert error.transient
    assert time.monotonic() - started < 1.9
