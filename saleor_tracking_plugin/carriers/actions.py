"""Every change polling and webhooks make: carrier answers into shipments, failures recorded.

Carrier events enter shipments only through `tracking.actions.record_events`. What is
specific to carriers is remembered here: when to ask next, the last problem (shown to staff
once on the order timeline), and each carrier's health for the circuit breaker.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from ..config import Settings, load_settings
from ..saleor_glue.orders import add_timeline_event
from ..tracking.actions import record_events
from ..tracking.models import OPEN_STATUS_VALUES, EstimateSource, Shipment
from ..tracking.progress import TrackingEventData
from ..tracking.statuses import FINISHED_STATUSES, ShipmentStatus
from . import polling
from .carrier_settings import CarrierSettings, carrier_settings
from .connector import PROBLEM_MESSAGES, CarrierError, Problem, TrackingUpdate
from .connectors import connector_codes, connector_for
from .estimates import estimate_delivery
from .models import CarrierCircuit, ShipmentPolling

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollResult:
    """What one carrier call achieved."""

    carrier_code: str
    polled: int = 0
    failure: CarrierError | None = None
    skipped: str = ""

    @property
    def retry_soon(self) -> bool:
        """A passing outage: worth a quick retry by the task."""
        return self.failure is not None and self.failure.transient


def policy_of(carriers: CarrierSettings) -> polling.PollPolicy:
    """The merchant's polling settings as the pure rules take them."""
    return polling.PollPolicy(
        max_age_days=carriers.poll_max_age_days,
        backoff_base=timedelta(minutes=carriers.poll_backoff_minutes),
        failure_threshold=carriers.circuit_failure_threshold,
        cooldown=timedelta(minutes=carriers.circuit_cooldown_minutes),
    )


def pollable_shipments():
    """Shipments a carrier can still tell us something about (the rows of the partial index
    `stp_pollable_idx`: open statuses named, so PostgreSQL can use it)."""
    return (
        Shipment.objects.filter(status__in=OPEN_STATUS_VALUES)
        .exclude(tracking_number="")
        .filter(carrier_code__in=connector_codes())
    )


def expire_stale_shipments(settings: Settings | None = None, now: datetime | None = None) -> int:
    """Stop tracking parcels older than the merchant's limit; returns how many expired."""
    settings = settings or load_settings()
    now = now or timezone.now()
    max_age_days = settings.typed(carrier_settings).poll_max_age_days
    cutoff = now - timedelta(days=max_age_days)
    stale = (
        Shipment.objects.exclude(status__in=[s.value for s in FINISHED_STATUSES])
        .filter(created_at__lt=cutoff)
        .values_list("pk", flat=True)
    )
    count = 0
    for shipment_id in list(stale):
        record_events(
            shipment_id,
            [
                TrackingEventData(
                    occurred_at=now,
                    status=ShipmentStatus.EXPIRED,
                    description=(f"Not delivered after {max_age_days} days; tracking stopped"),
                )
            ],
            source="poller",
            settings=settings,
        )
        count += 1
    return count


def estimate_unestimated_shipments(settings: Settings | None = None) -> int:
    """Give every undelivered parcel without a date the transit table's promise.

    Covers carriers the plugin cannot ask (PTT, Sürat…) and parcels not polled yet; a
    carrier's own date replaces the promise when one arrives. Returns how many got one.
    """
    settings = settings or load_settings()
    carriers = settings.typed(carrier_settings)
    if carriers.transit_days_rejected:
        logger.warning("Ignoring unusable transit-days lines: %s", carriers.transit_days_rejected)
    waiting = (
        Shipment.objects.exclude(status__in=[s.value for s in FINISHED_STATUSES])
        .exclude(tracking_number="")
        .filter(estimated_delivery__isnull=True)
        .exclude(carrier_code="")
    )
    count = 0
    for shipment in waiting.iterator():
        handed_over = shop_day(_first_scan(shipment) or shipment.created_at, settings)
        record_events(
            shipment.pk,
            [],
            source="transit-table",
            estimated_delivery=estimate_delivery(
                handed_over, shipment.carrier_code, carriers.transit_days
            ),
            estimate_source=EstimateSource.TRANSIT_TABLE,
            settings=settings,
        )
        count += 1
    return count


def flag_unconfigured_carriers(settings: Settings | None = None) -> int:
    """Show `NOT_CONFIGURED` on parcels whose carrier the plugin could ask but has no
    credentials for, once per parcel (and once on its order's timeline); returns how many.

    Such parcels are never claimed for polling, so without this staff would see nothing and
    the parcel would never move. Entering the credentials clears the problem at the next poll.
    """
    settings = settings or load_settings()
    count = 0
    for code in connector_codes():
        if connector_for(code, settings) is not None:
            continue
        error = CarrierError(Problem.NOT_CONFIGURED, f"no credentials for {code}")
        waiting = (
            pollable_shipments()
            .filter(carrier_code=code)
            .exclude(polling__last_error_code=Problem.NOT_CONFIGURED.value)
            .select_related("order")
        )
        for shipment in waiting.iterator():
            record_poll_failure(shipment, error, settings)
            count += 1
    return count


def poll_shipments(
    carrier_code: str, shipment_ids: list[int], settings: Settings | None = None
) -> PollResult:
    """Ask one carrier about these shipments and apply what it says; never raises."""
    settings = settings or load_settings()
    now = timezone.now()
    connector = connector_for(carrier_code, settings)
    shipments = list(pollable_shipments().filter(pk__in=shipment_ids, carrier_code=carrier_code))
    if not shipments:
        return PollResult(carrier_code, skipped="nothing to poll")
    if connector is None:
        error = CarrierError(Problem.NOT_CONFIGURED, f"no credentials for {carrier_code}")
        for shipment in shipments:
            record_poll_failure(shipment, error, settings)
        return PollResult(carrier_code, skipped="not configured")
    if not circuit_allows(carrier_code, now):
        return PollResult(carrier_code, skipped="carrier paused after repeated failures")
    if not take_rate_token(carrier_code, connector.limits.calls_per_minute, now):
        # Not a failure: the shipments' lease runs out and the next round asks again.
        return PollResult(carrier_code, skipped="rate limit reached")

    by_number: dict[str, list[Shipment]] = {}
    for shipment in shipments:
        by_number.setdefault(shipment.tracking_number, []).append(shipment)
    try:
        updates = connector.track(list(by_number))
    except CarrierError as error:
        return _carrier_failed(carrier_code, shipments, error, settings)
    except Exception as error:
        logger.exception("Carrier %s connector failed unexpectedly", carrier_code)
        failure = CarrierError(Problem.MALFORMED, f"unexpected {type(error).__name__}")
        return _carrier_failed(carrier_code, shipments, failure, settings)

    record_circuit_success(carrier_code)
    for update in updates:
        for shipment in by_number.get(update.tracking_number, []):
            try:
                apply_update(shipment, update, f"carrier:{carrier_code}", settings)
            except Exception:
                # One shipment's problem must not lose the others' news.
                logger.exception(
                    "Applying %s update to shipment %s failed", carrier_code, shipment.pk
                )
    return PollResult(carrier_code, polled=len(shipments))


def _carrier_failed(
    carrier_code: str, shipments: list[Shipment], error: CarrierError, settings: Settings
) -> PollResult:
    logger.warning("Carrier %s call failed: %s", carrier_code, error)
    record_circuit_failure(carrier_code, error, settings)
    for shipment in shipments:
        record_poll_failure(shipment, error, settings)
    return PollResult(carrier_code, failure=error)


def apply_update(
    shipment: Shipment, update: TrackingUpdate, source: str, settings: Settings | None = None
) -> None:
    """Apply one carrier answer about a shipment: its events, estimate and polling state."""
    settings = settings or load_settings()
    if update.problem is not None:
        record_poll_failure(shipment, CarrierError(update.problem, update.detail), settings)
        return
    estimate, estimate_source = update.estimated_delivery, EstimateSource.CARRIER
    if estimate is None and shipment.estimated_delivery_source in (
        "",
        EstimateSource.TRANSIT_TABLE,
    ):
        # The table's promise counts from the first scan; a carrier's own date replaces it.
        estimate, estimate_source = (
            _table_estimate(shipment, update, settings),
            EstimateSource.TRANSIT_TABLE,
        )
    # One transaction: the new status and the healthy polling state are seen together.
    now = timezone.now()
    with transaction.atomic():
        progress = record_events(
            shipment.pk,
            list(update.events),
            source=source,
            estimated_delivery=estimate,
            estimate_source=estimate_source,
            settings=settings,
            checked_at=now,
        )
        healthy = {
            "last_polled_at": now,
            "consecutive_failures": 0,
            "last_error_code": "",
            "last_error": "",
            "reported_error_code": "",
            "next_poll_at": polling.next_poll_after_success(
                progress.state.status, progress.state.last_event_at, now
            ),
        }
        if not ShipmentPolling.objects.filter(shipment_id=shipment.pk).update(**healthy):
            ShipmentPolling.objects.get_or_create(shipment_id=shipment.pk, defaults=healthy)


def _table_estimate(shipment: Shipment, update: TrackingUpdate, settings: Settings):
    if shipment.status in FINISHED_STATUSES or any(
        e.status == ShipmentStatus.DELIVERED for e in update.events
    ):
        return None
    # Carriers and aggregators send the whole history, so its oldest scan is the handover.
    handed_over = min((e.occurred_at for e in update.events), default=None)
    if handed_over is None:
        handed_over = _first_scan(shipment) or shipment.created_at
    overrides = settings.typed(carrier_settings).transit_days
    return estimate_delivery(shop_day(handed_over, settings), shipment.carrier_code, overrides)


def shop_day(moment: datetime, settings: Settings) -> date:
    """The day `moment` falls on in the shop's calendar (`local_timezone`), not in UTC."""
    return moment.astimezone(settings.local_zone()).date()


def _first_scan(shipment: Shipment) -> datetime | None:
    return shipment.events.order_by("occurred_at").values_list("occurred_at", flat=True).first()


def record_poll_failure(shipment: Shipment, error: CarrierError, settings: Settings) -> None:
    """Remember why a shipment could not be tracked; tell staff once per kind of problem."""
    now = timezone.now()
    with transaction.atomic():
        state, _ = ShipmentPolling.objects.select_for_update().get_or_create(shipment=shipment)
        state.consecutive_failures += 1
        state.last_error_code = error.problem.value
        state.last_error = f"{PROBLEM_MESSAGES[error.problem]} {error.detail}".strip()[:1000]
        state.last_error_at = now
        state.next_poll_at = polling.next_poll_after_failure(
            state.consecutive_failures, now, policy_of(settings.typed(carrier_settings))
        )
        tell_staff = not error.transient and state.reported_error_code != error.problem.value
        if tell_staff:
            state.reported_error_code = error.problem.value
        state.save()
        Shipment.objects.filter(pk=shipment.pk).update(last_checked_at=now)
        if tell_staff:
            add_timeline_event(
                shipment.order,
                f"Tracking problem for {shipment.tracking_number}: {state.last_error}",
                {"shipment_id": shipment.pk, "problem": error.problem.value},
            )


def circuit_state(carrier_code: str) -> polling.CircuitState:
    """The carrier's health as stored."""
    row = CarrierCircuit.objects.filter(carrier_code=carrier_code).first()
    if row is None:
        return polling.CircuitState()
    return polling.CircuitState(row.consecutive_failures, row.open_until)


def circuit_allows(carrier_code: str, now: datetime) -> bool:
    """Whether the carrier may be called now."""
    return polling.circuit_allows_call(circuit_state(carrier_code), now)


def record_circuit_success(carrier_code: str) -> None:
    """An answer closes the carrier's circuit."""
    CarrierCircuit.objects.update_or_create(
        carrier_code=carrier_code,
        defaults={"consecutive_failures": 0, "open_until": None, "last_success_at": timezone.now()},
    )


def record_circuit_failure(carrier_code: str, error: CarrierError, settings: Settings) -> None:
    """Count a failed call; at the threshold the carrier is paused for the cooldown."""
    now = timezone.now()
    with transaction.atomic():
        row, _ = CarrierCircuit.objects.select_for_update().get_or_create(carrier_code=carrier_code)
        state = polling.circuit_after_failure(
            polling.CircuitState(row.consecutive_failures, row.open_until),
            now,
            policy_of(settings.typed(carrier_settings)),
        )
        if state.open_until and not row.open_until:
            logger.error(
                "Carrier %s paused until %s after %s failures: %s",
                carrier_code,
                state.open_until.isoformat(),
                state.consecutive_failures,
                error,
            )
        row.consecutive_failures = state.consecutive_failures
        row.open_until = state.open_until
        row.last_error_code = error.problem.value
        row.last_error = str(error)[:1000]
        row.last_failure_at = now
        row.save()


def take_rate_token(carrier_code: str, calls_per_minute: int, now: datetime) -> bool:
    """Count one call against the carrier's per-minute budget; False when it is spent.

    Counted in Saleor's cache (Redis in production), so every worker shares the budget.
    """
    key = f"saleor_tracking_plugin:carrier-calls:{carrier_code}:{now:%Y%m%d%H%M}"
    if cache.add(key, 1, timeout=120):
        return True
    try:
        return cache.incr(key) <= calls_per_minute
    except ValueError:
        cache.set(key, 1, timeout=120)
        return True
