"""The carrier and aggregator settings, typed: how the plugin asks carriers and reads the
aggregators' webhooks. Each carrier's credentials are a view of its own, in its `client.py`."""

from dataclasses import dataclass, field

from ..config import Settings
from .estimates import parse_transit_table

# Calls per minute when the merchant sets none: well under each carrier's published or
# observed limit, so tracking never competes with the merchant's own label printing.
DEFAULT_CALLS_PER_MINUTE: dict[str, int] = {
    "yurtici": 30,
    "aras": 30,
    "mng": 30,
    "ups": 60,
    "ups_tr": 30,
    "fedex": 60,
    "dhl_express": 30,
    "usps": 60,
    "royal_mail": 60,
    "dpd": 30,
    "gls": 30,
}


def parse_rate_limits(text: str) -> dict[str, int]:
    """The merchant's `carrier=calls per minute` lines; unusable lines are skipped."""
    limits: dict[str, int] = {}
    for line in (text or "").splitlines():
        code, _, value = line.split("#", 1)[0].partition("=")
        if (
            code.strip()
            and value.strip().isascii()
            and value.strip().isdigit()
            and int(value.strip()) > 0
        ):
            limits[code.strip().lower()] = int(value.strip())
    return limits


@dataclass(frozen=True)
class CarrierSettings:
    """How the plugin asks carriers (polling, back-off, limits, test servers) and the transit
    table, typed and parsed; each carrier's credentials are its own view (its `client.py`)."""

    polling_enabled: bool
    poll_max_age_days: int
    poll_backoff_minutes: int
    poll_retries: int
    poll_retry_seconds: int
    circuit_failure_threshold: int
    circuit_cooldown_minutes: int
    timeout_seconds: float
    # Calls per minute by carrier code, as the merchant set them (`carrier_rate_limits`).
    calls_per_minute: dict[str, int] = field(default_factory=dict)
    # Business days by carrier code (`transit_days`), and the lines that could not be read.
    transit_days: dict[str, int] = field(default_factory=dict)
    transit_days_rejected: tuple[str, ...] = ()

    def calls_per_minute_of(self, code: str) -> int:
        """The merchant's limit for this carrier, else ours (well under the carrier's)."""
        return self.calls_per_minute.get(code, DEFAULT_CALLS_PER_MINUTE.get(code, 30))


def carrier_settings(settings: Settings) -> CarrierSettings:
    """The merchant's carrier settings (use as `settings.typed(carrier_settings)`)."""
    transit_days, rejected = parse_transit_table(settings.text("transit_days"))
    return CarrierSettings(
        polling_enabled=settings.flag("carrier_polling_enabled"),
        poll_max_age_days=settings.number("poll_max_age_days"),
        poll_backoff_minutes=settings.number("poll_backoff_minutes"),
        poll_retries=settings.number("poll_retries"),
        poll_retry_seconds=settings.number("poll_retry_seconds"),
        circuit_failure_threshold=max(1, settings.number("circuit_failure_threshold")),
        circuit_cooldown_minutes=settings.number("circuit_cooldown_minutes"),
        timeout_seconds=float(settings.number("carrier_timeout_seconds")),
        calls_per_minute=parse_rate_limits(settings.text("carrier_rate_limits")),
        transit_days=transit_days,
        transit_days_rejected=tuple(rejected),
    )


@dataclass(frozen=True)
class AggregatorSettings:
    """The aggregators' webhook secrets by provider setting, and the oldest delivery taken."""

    secrets: dict[str, str]
    max_age_minutes: int


def aggregator_settings(settings: Settings) -> AggregatorSettings:
    """The aggregator webhook settings (use as `settings.typed(aggregator_settings)`)."""
    return AggregatorSettings(
        secrets={
            name: settings.text(name)
            for name in ("aftership_webhook_secret", "easypost_webhook_secret")
        },
        max_age_minutes=settings.number("webhook_max_age_minutes"),
    )
