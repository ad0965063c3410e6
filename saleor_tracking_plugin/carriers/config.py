"""Settings of carrier connectors, polling, delivery estimates and aggregator webhooks."""

from ..config import BOOLEAN, MULTILINE, SECRET, ConfigField, integer, key_value_lines
from .connectors import connector_fields

POLLING_FIELDS = [
    ConfigField(
        name="carrier_polling_enabled",
        default=True,
        type=BOOLEAN,
        label="Ask carriers for news",
        help_text="Poll the carriers whose credentials are set for every undelivered parcel.",
    ),
    ConfigField(
        name="poll_max_age_days",
        default=30,
        label="Give up tracking after (days)",
        help_text="A parcel not delivered after this many days is marked expired.",
        validator=integer(1, 365),
    ),
    ConfigField(
        name="poll_backoff_minutes",
        default=5,
        label="First wait after a failed poll (minutes)",
        help_text="Each further failure doubles the wait, up to 12 hours.",
        validator=integer(1, 720),
    ),
    ConfigField(
        name="poll_retries",
        default=2,
        label="Quick retries of a failing carrier call",
        help_text="Retries of a timed-out or failing call before waiting for the next round.",
        validator=integer(0, 10),
    ),
    ConfigField(
        name="poll_retry_seconds",
        default=30,
        label="Wait before the first quick retry (seconds)",
        help_text="Doubles with each retry.",
        validator=integer(1, 3600),
    ),
    ConfigField(
        name="circuit_failure_threshold",
        default=5,
        label="Failures before a carrier is paused",
        help_text="Consecutive failed calls after which the plugin stops calling a carrier.",
        validator=integer(1, 1000),
    ),
    ConfigField(
        name="circuit_cooldown_minutes",
        default=30,
        label="Pause of a failing carrier (minutes)",
        help_text="After the pause one trial call decides whether calls resume.",
        validator=integer(1, 24 * 60),
    ),
    ConfigField(
        name="carrier_timeout_seconds",
        default=15,
        label="Carrier call timeout (seconds)",
        help_text="A carrier that answers slower than this counts as failing.",
        validator=integer(1, 120),
    ),
    ConfigField(
        name="carrier_rate_limits",
        default="",
        type=MULTILINE,
        label="Calls per minute per carrier",
        help_text="One `carrier=calls` per line, e.g. `ups=30`; others use safe defaults.",
        validator=key_value_lines(integer(1, 10_000), "calls per minute"),
    ),
    ConfigField(
        name="carrier_sandbox",
        default=False,
        type=BOOLEAN,
        label="Use the global carriers' test environments",
        help_text="Send UPS, FedEx, USPS and Royal Mail calls to their sandbox servers.",
    ),
]

ESTIMATE_FIELDS = [
    ConfigField(
        name="transit_days",
        default="",
        type=MULTILINE,
        label="Transit days per carrier",
        help_text=(
            "One `carrier=business days` per line, e.g. `yurtici=1`, used when the carrier "
            "gives no date. Defaults: 2 for Yurtiçi, Aras, MNG, Sürat, HepsiJet, Trendyol "
            "Express; 3 for PTT. Weekends and Turkish public holidays are skipped."
        ),
        validator=key_value_lines(integer(0, 60), "business days"),
    ),
]

WEBHOOK_FIELDS = [
    ConfigField(
        name="aftership_webhook_secret",
        default="",
        type=SECRET,
        label="AfterShip webhook secret",
        help_text=(
            "AfterShip signs deliveries with it (aftership-hmac-sha256). Webhook URL: "
            "https://<your Saleor>/tracking/webhooks/aftership/"
        ),
    ),
    ConfigField(
        name="easypost_webhook_secret",
        default="",
        type=SECRET,
        label="EasyPost webhook secret",
        help_text=(
            "EasyPost signs deliveries with it (X-Hmac-Signature). Webhook URL: "
            "https://<your Saleor>/tracking/webhooks/easypost/"
        ),
    ),
    ConfigField(
        name="webhook_max_age_minutes",
        default=1440,
        label="Oldest webhook delivery accepted (minutes)",
        help_text=(
            "Deliveries whose signed timestamp is older are refused as stale. Providers retry "
            "failed deliveries for hours, so keep this above their retry window."
        ),
        validator=integer(1, 7 * 24 * 60),
    ),
]

FIELDS = [*POLLING_FIELDS, *ESTIMATE_FIELDS, *WEBHOOK_FIELDS, *connector_fields()]
