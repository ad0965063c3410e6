"""The doctor's checks of an installation, shared by `manage.py tracking_doctor` and the staff
GraphQL query `trackingDoctor`. Each check returns findings that say what to do."""

import logging
from collections.abc import Callable
from datetime import time
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings as django_settings

from ..beat import PERIODIC_TASKS
from ..carriers.carrier_settings import aggregator_settings
from ..carriers.connector import CarrierError, Problem
from ..carriers.connectors import connector_codes, connector_for
from ..carriers.registry import get_carrier
from ..config import Settings, load_settings
from ..notifications.config import notification_settings
from ..notifications.queue import SENDER_QUEUE_SETTING, sender_queue
from ..notifications.quiet_hours import parse_clock
from ..saleor_glue.celery import consumed_queues, installed_beat_entries, ping_workers
from ..saleor_glue.email_settings import email_backend_problem
from ..saleor_glue.shop import channel_shop_identity, sales_channels
from ..shop_settings import shop_settings
from ..surveys.config import survey_settings
from .findings import Finding, Severity, info, ok, problem, warning

logger = logging.getLogger(__name__)

# A number no carrier has issued: an answer about it proves the credentials without touching a
# real parcel. Carriers answer "unknown number"; a refused login is what the check looks for.
PROBE_TRACKING_NUMBER = "1234567890"
WORKER_PING_SECONDS = 2.0


def check_public_url() -> list[Finding]:
    """Links in messages and `trackingPageUrl` are built on Saleor's PUBLIC_URL."""
    public_url = getattr(django_settings, "PUBLIC_URL", None) or ""
    if not public_url:
        return [
            problem(
                "public_url",
                "PUBLIC_URL is not set: links in messages and on orders point at localhost.",
                "Set PUBLIC_URL=https://<your Saleor API host> in Saleor's environment "
                "(API and workers) and restart.",
            )
        ]
    if urlsplit(public_url).scheme != "https":
        return [
            warning(
                "public_url",
                f"PUBLIC_URL {public_url} is not https: browsers warn shoppers on the pages.",
                "Serve Saleor over https and set PUBLIC_URL to the https address.",
            )
        ]
    return [ok("public_url", f"Links use {public_url}.")]


def check_email() -> list[Finding]:
    """Email is the default channel of every message."""
    reason = email_backend_problem()
    if reason:
        return [problem("email", "Emails cannot be sent.", reason)]
    return [ok("email", f"Saleor sends email with {django_settings.EMAIL_BACKEND}.")]


def check_beat() -> list[Finding]:
    """Polling, the outbox and the scans run on Saleor's Celery beat."""
    installed = installed_beat_entries(set(PERIODIC_TASKS))
    missing = sorted(set(PERIODIC_TASKS) - installed)
    if missing:
        return [
            problem(
                "celery_beat",
                f"Periodic tasks not installed: {', '.join(missing)}.",
                "Run Saleor's beat with its database scheduler: celery --app "
                "saleor.celeryconf:app beat --scheduler "
                "saleor.schedulers.schedulers.DatabaseScheduler (it installs them at start).",
            )
        ]
    return [ok("celery_beat", f"All {len(PERIODIC_TASKS)} periodic tasks are installed.")]


def check_worker() -> list[Finding]:
    """Every hook hands its work to a Celery worker."""
    answering = ping_workers(WORKER_PING_SECONDS)
    if not answering:
        return [
            problem(
                "celery_worker",
                f"No Celery worker answered within {WORKER_PING_SECONDS:g} seconds: tracking, "
                "messages and refunds wait in the queue.",
                "Start Saleor's worker: celery --app saleor.celeryconf:app worker -E.",
            )
        ]
    return [ok("celery_worker", f"{len(answering)} Celery worker(s) answered.")]


def check_sender_queue() -> list[Finding]:
    """Messages go to the queue STP_NOTIFICATIONS_QUEUE names, if any: a worker must consume it."""
    queue = sender_queue()
    if queue is None:
        return [
            info(
                "sender_queue",
                "Messages share Saleor's default Celery queue: at peak they wait behind carrier "
                "polling and scans.",
                f"To keep them moving, set {SENDER_QUEUE_SETTING}=<name> for the API, workers "
                "and beat, and run a worker for it: celery --app saleor.celeryconf:app worker "
                "-Q <name>.",
            )
        ]
    start = f"celery --app saleor.celeryconf:app worker -Q {queue}"
    workers = consumed_queues(WORKER_PING_SECONDS)
    if not workers:
        return [
            warning(
                "sender_queue",
                f"No Celery worker answered within {WORKER_PING_SECONDS:g} seconds, so nothing "
                f"shows that any consumes '{queue}' ({SENDER_QUEUE_SETTING}): messages wait "
                "there until one does.",
                f"Start a worker for it: {start} (besides Saleor's worker for its default queue).",
            )
        ]
    consuming = sorted(worker for worker, queues in workers.items() if queue in queues)
    if not consuming:
        return [
            problem(
                "sender_queue",
                f"{len(workers)} Celery worker(s) answered and none consumes '{queue}' "
                f"({SENDER_QUEUE_SETTING}): messages wait there unsent.",
                f"Start a worker for it: {start}, or unset {SENDER_QUEUE_SETTING} to send "
                "from Saleor's default queue.",
            )
        ]
    return [ok("sender_queue", f"Messages go to '{queue}', consumed by {', '.join(consuming)}.")]


def check_carriers(settings: Settings) -> list[Finding]:
    """Per carrier with a connector: configured or not, and whether its credentials work."""
    return [check_carrier(code, settings) for code in connector_codes()]


def check_carrier(code: str, settings: Settings) -> Finding:
    """One carrier's credentials, with one test call (the settings screen's "test" button)."""
    carrier = get_carrier(code)
    name = carrier.name if carrier else code
    connector = connector_for(code, settings)
    if connector is None:
        return info(
            f"carrier:{code}",
            f"{name}: not configured; its parcels show the carrier's page link only.",
            f"Enter {name}'s credentials in the plugin settings to track its parcels.",
        )
    return _probe(code, name, connector)


def _probe(code: str, name: str, connector: Any) -> Finding:
    try:
        connector.track([PROBE_TRACKING_NUMBER])
    except CarrierError as error:
        if error.problem == Problem.AUTHENTICATION:
            return problem(
                f"carrier:{code}",
                f"{name} refused the credentials ({error.detail or error.problem.value}).",
                f"Check {name}'s credentials (and test/production URL) in the plugin settings.",
            )
        return warning(
            f"carrier:{code}",
            f"{name} could not be checked: {error}.",
            "Run the doctor again later; if it persists, check the carrier's service URL.",
        )
    except Exception as error:  # a connector bug must not stop the other checks
        logger.exception("The doctor's test call to %s failed", code)
        return warning(f"carrier:{code}", f"{name}: test call failed ({error}).", "See the log.")
    return ok(f"carrier:{code}", f"{name}: the credentials work (one test call answered).")


def check_webhook_secrets(settings: Settings) -> list[Finding]:
    """Signed webhooks are refused without their secret."""
    findings = []
    secrets = settings.typed(aggregator_settings).secrets
    for provider, field in (
        ("AfterShip", "aftership_webhook_secret"),
        ("EasyPost", "easypost_webhook_secret"),
    ):
        if secrets.get(field):
            findings.append(ok(f"webhook:{field}", f"{provider} webhook secret is set."))
        else:
            findings.append(
                info(
                    f"webhook:{field}",
                    f"{provider} webhook secret is not set: its deliveries are refused.",
                    f"If you use {provider}, copy its webhook secret into '{field}'.",
                )
            )
    crm_webhook = settings.typed(notification_settings).crm_webhook
    if crm_webhook.url and not crm_webhook.secret:
        findings.append(
            problem(
                "webhook:crm_webhook_secret",
                "The CRM webhook URL is set but its secret is not: CRM messages fail.",
                "Set 'crm_webhook_secret' (your CRM checks X-STP-Signature with it).",
            )
        )
    return findings


def check_time(settings: Settings) -> list[Finding]:
    """The shop's time zone and quiet hours."""
    findings = []
    zone_name = settings.typed(shop_settings).time_zone_name
    try:
        ZoneInfo(zone_name)
        findings.append(ok("time_zone", f"Shop time zone: {zone_name}."))
    except (ValueError, ZoneInfoNotFoundError):
        findings.append(
            problem(
                "time_zone",
                f"'{zone_name}' is not a time zone; Europe/Istanbul is used.",
                "Set 'local_timezone' to an IANA name such as Europe/Istanbul.",
            )
        )
    notifications = settings.typed(notification_settings)
    findings.append(_quiet_hours(notifications.quiet_hours_start, notifications.quiet_hours_end))
    return findings


def _quiet_hours(start_text: str, end_text: str) -> Finding:
    start, end = parse_clock(start_text or ""), parse_clock(end_text or "")
    if start is None and end is None:
        return info("quiet_hours", "No quiet hours: SMS and WhatsApp go out at any hour.")
    if start is None or end is None or start == end:
        return warning(
            "quiet_hours",
            "Quiet hours are off because only one end is set (or both are equal).",
            "Set both 'quiet_hours_start' and 'quiet_hours_end' (e.g. 21:00 and 09:00), or "
            "clear both.",
        )
    if _length_hours(start, end) > 14:
        return warning(
            "quiet_hours",
            f"Quiet hours {start_text}-{end_text} leave under 10 hours a day for SMS.",
            "Check that start and end are not swapped.",
        )
    return ok("quiet_hours", f"Quiet hours {start_text}-{end_text} (shop time).")


def _length_hours(start: time, end: time) -> float:
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return (minutes % (24 * 60)) / 60


def check_shop_identity(settings: Settings) -> list[Finding]:
    """Each active channel's shoppers see a shop name and a way to reach it; every channel the
    per-channel setting names exists."""
    channels = sales_channels()
    slugs = {channel.slug for channel in channels}
    findings = [
        warning(
            "shop_identity",
            f"'shop_identity_by_channel' names '{slug}', which is no channel's slug: its lines "
            "are not used.",
            f"Use one of the channel slugs: {', '.join(sorted(slugs))}.",
        )
        for slug in sorted(set(settings.typed(shop_settings).identities_by_channel) - slugs)
    ]
    for channel in channels:
        if not channel.is_active:
            continue
        shop = channel_shop_identity(settings, channel)
        if not (shop.email or shop.phone):
            findings.append(
                warning(
                    f"shop_identity:{channel.slug}",
                    f"Shoppers of channel {channel.name} see no email or phone of the shop.",
                    "Set the sender address or the company phone in Saleor's site settings, "
                    f"or a '{channel.slug}.email=' line in 'shop_identity_by_channel'.",
                )
            )
        else:
            contact = " · ".join(part for part in (shop.email, shop.phone) if part)
            findings.append(
                ok(f"shop_identity:{channel.slug}", f"{channel.name}: {shop.name}, {contact}.")
            )
    return findings


def check_coupon_channel(settings: Settings) -> list[Finding]:
    """Survey coupons are vouchers of `coupon_channel` (when set): it must be a channel."""
    surveys = settings.typed(survey_settings)
    if not (surveys.coupon_enabled and surveys.coupon_channel):
        return []
    slugs = {channel.slug for channel in sales_channels()}
    if surveys.coupon_channel in slugs:
        return [ok("coupon_channel", f"Coupons are valid in {surveys.coupon_channel}.")]
    return [
        problem(
            "coupon_channel",
            f"'coupon_channel' is '{surveys.coupon_channel}', which is no channel's slug: no "
            "coupon can be given.",
            f"Use one of the channel slugs ({', '.join(sorted(slugs))}), or leave it empty for "
            "the order's channel.",
        )
    ]


def run_checks(settings: Settings | None = None) -> list[Finding]:
    """Every check, problems first; a check that crashes becomes a finding of its own."""
    settings = settings or load_settings()
    checks: list[tuple[str, Callable[[], list[Finding]]]] = [
        ("public_url", check_public_url),
        ("email", check_email),
        ("celery_beat", check_beat),
        ("celery_worker", check_worker),
        ("sender_queue", check_sender_queue),
        ("carriers", lambda: check_carriers(settings)),
        ("webhooks", lambda: check_webhook_secrets(settings)),
        ("time", lambda: check_time(settings)),
        ("shop_identity", lambda: check_shop_identity(settings)),
        ("coupon_channel", lambda: check_coupon_channel(settings)),
    ]
    findings: list[Finding] = []
    for name, check in checks:
        try:
            findings.extend(check())
        except Exception as error:
            logger.exception("Doctor check %s failed", name)
            findings.append(warning(name, f"The check itself failed: {error}.", "See the log."))
    order = [Severity.PROBLEM, Severity.WARNING, Severity.INFO, Severity.OK]
    return sorted(findings, key=lambda finding: order.index(finding.severity))
