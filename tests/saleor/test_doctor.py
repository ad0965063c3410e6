"""The doctor: `manage.py tracking_doctor` and `trackingDoctor` find what a new merchant has not
set up yet and say what to do."""

import pytest
from django.core.management import call_command
from saleor.celeryconf import app
from saleor.schedulers.schedulers import DatabaseScheduler

from saleor_tracking_plugin.beat import PERIODIC_TASKS
from saleor_tracking_plugin.config import Settings
from saleor_tracking_plugin.doctor import checks
from saleor_tracking_plugin.doctor.findings import Severity
from tests.carriers.recordings import replay
from tests.fixtures import tracking_content

from .helpers import configure_plugin

YURTICI = {"yurtici_username": "YKTEST", "yurtici_password": "YK"}


def by_check(findings):
    return {finding.check: finding for finding in findings}


def test_a_missing_public_url_is_a_problem_with_the_fix(settings):
    settings.PUBLIC_URL = None
    [finding] = checks.check_public_url()
    assert finding.severity == Severity.PROBLEM
    assert "localhost" in finding.message
    assert "Set PUBLIC_URL=https://" in finding.action


def test_a_plain_http_public_url_is_a_warning(settings):
    settings.PUBLIC_URL = "http://shop.example.com"
    [finding] = checks.check_public_url()
    assert finding.severity == Severity.WARNING


def test_an_https_public_url_is_fine(settings):
    settings.PUBLIC_URL = "https://shop.example.com"
    [finding] = checks.check_public_url()
    assert finding.severity == Severity.OK


def test_an_empty_email_url_is_a_problem_naming_the_setting(settings):
    settings.EMAIL_BACKEND = ""
    [finding] = checks.check_email()
    assert finding.severity == Severity.PROBLEM
    assert "Set EMAIL_URL" in finding.action


def test_beat_entries_missing_until_saleors_beat_installs_them():
    # given Saleor's beat never started: nothing installed
    [before] = checks.check_beat()
    assert before.severity == Severity.PROBLEM
    assert "saleor-tracking-plugin-poll-carriers" in before.message

    # when Saleor's database scheduler installs every entry, as it does at start
    for name in PERIODIC_TASKS:
        DatabaseScheduler.Entry.from_entry(name, app=app, **app.conf.beat_schedule[name])

    # then the check passes
    [after] = checks.check_beat()
    assert after.severity == Severity.OK


def test_no_answering_worker_is_a_problem(monkeypatch):
    # Saleor's test settings run tasks eagerly: no worker listens, so none answers the ping.
    monkeypatch.setattr(checks, "WORKER_PING_SECONDS", 0.5)
    [finding] = checks.check_worker()
    assert finding.severity == Severity.PROBLEM
    assert "celery --app saleor.celeryconf:app worker" in finding.action


def test_a_carrier_without_credentials_is_reported_not_configured():
    findings = by_check(checks.check_carriers(Settings([])))
    assert findings["carrier:yurtici"].severity == Severity.INFO
    assert "not configured" in findings["carrier:yurtici"].message


def test_refused_carrier_credentials_are_a_problem():
    # given Yurtiçi answers the test call as it does to a wrong password (recorded answer)
    settings = Settings([{"name": k, "value": v} for k, v in YURTICI.items()])
    with replay("yurtici", "authentication_failure"):
        findings = by_check(checks.check_carriers(settings))

    # then the doctor says the credentials are refused and where to fix them
    assert findings["carrier:yurtici"].severity == Severity.PROBLEM
    assert "refused the credentials" in findings["carrier:yurtici"].message


def test_working_carrier_credentials_pass_with_one_test_call():
    # given Yurtiçi answers the test call with "unknown number" (recorded answer)
    settings = Settings([{"name": k, "value": v} for k, v in YURTICI.items()])
    with replay("yurtici", "unknown_number"):
        findings = by_check(checks.check_carriers(settings))
    assert findings["carrier:yurtici"].severity == Severity.OK


def test_a_crm_url_without_its_secret_is_a_problem():
    settings = Settings([{"name": "crm_webhook_url", "value": "https://crm.example.com/hook"}])
    findings = by_check(checks.check_webhook_secrets(settings))
    assert findings["webhook:crm_webhook_secret"].severity == Severity.PROBLEM


@pytest.mark.parametrize(
    ("start", "end", "severity"),
    [
        ("21:00", "09:00", Severity.OK),
        ("", "", Severity.INFO),
        ("21:00", "", Severity.WARNING),
        ("09:00", "21:00", Severity.OK),
        ("06:00", "23:00", Severity.WARNING),
    ],
)
def test_quiet_hours_are_judged(start, end, severity):
    settings = Settings(
        [{"name": "quiet_hours_start", "value": start}, {"name": "quiet_hours_end", "value": end}]
    )
    findings = by_check(checks.check_time(settings))
    assert findings["quiet_hours"].severity == severity


def test_the_command_prints_each_finding_with_what_to_do_and_fails_on_problems(
    settings, capsys, monkeypatch
):
    # given a Saleor without PUBLIC_URL and no worker
    settings.PUBLIC_URL = None
    monkeypatch.setattr(checks, "WORKER_PING_SECONDS", 0.5)

    # when the merchant runs the doctor
    with pytest.raises(SystemExit) as exit_info:
        call_command("tracking_doctor")

    # then each finding is a line, with the fix below it, and the exit status says "problem"
    out = capsys.readouterr().out
    assert exit_info.value.code == 1
    assert "[PROBLEM] public_url: PUBLIC_URL is not set" in out
    assert "    → Set PUBLIC_URL=https://" in out
    assert "problem(s)" in out


DOCTOR_QUERY = "query { trackingDoctor { check severity message action } }"


def test_staff_read_the_same_findings_on_graphql(staff_tracking_client, settings, monkeypatch):
    settings.PUBLIC_URL = None
    monkeypatch.setattr(checks, "WORKER_PING_SECONDS", 0.5)
    configure_plugin(local_timezone="Europe/Istanbul")

    content = tracking_content(staff_tracking_client.post_graphql(DOCTOR_QUERY))

    findings = {f["check"]: f for f in content["data"]["trackingDoctor"]}
    assert findings["public_url"]["severity"] == "PROBLEM"
    assert findings["public_url"]["action"].startswith("Set PUBLIC_URL")
    assert findings["time_zone"]["severity"] == "OK"


def test_customers_cannot_run_the_doctor(customer_tracking_client):
    content = tracking_content(customer_tracking_client.post_graphql(DOCTOR_QUERY))
    assert content["data"] is None or content["data"].get("trackingDoctor") is None
    assert content["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_a_channel_named_in_the_shop_identity_setting_must_exist(channel_USD, site_settings):
    saved = Settings([{"name": "shop_identity_by_channel", "value": "main-tr.name=Örnek Mağaza"}])

    findings = by_check(checks.check_shop_identity(saved))

    assert findings["shop_identity"].severity == Severity.WARNING
    assert "'main-tr', which is no channel's slug" in findings["shop_identity"].message
    assert channel_USD.slug in findings["shop_identity"].action


def test_a_channel_whose_shoppers_see_no_contact_is_a_warning(channel_USD, site_settings, settings):
    settings.DEFAULT_FROM_EMAIL = ""
    site_settings.default_mail_sender_address = ""
    site_settings.save(update_fields=["default_mail_sender_address"])

    finding = by_check(checks.check_shop_identity(Settings()))[f"shop_identity:{channel_USD.slug}"]

    assert finding.severity == Severity.WARNING
    assert f"'{channel_USD.slug}.email=' line" in finding.action


def test_a_channel_with_its_own_contact_is_fine(channel_USD, site_settings, settings):
    settings.DEFAULT_FROM_EMAIL = ""
    site_settings.default_mail_sender_address = ""
    site_settings.save(update_fields=["default_mail_sender_address"])
    line = f"{channel_USD.slug}.email=destek@ornek.example"
    saved = Settings([{"name": "shop_identity_by_channel", "value": line}])

    findings = by_check(checks.check_shop_identity(saved))

    assert findings[f"shop_identity:{channel_USD.slug}"].severity == Severity.OK
    assert "destek@ornek.example" in findings[f"shop_identity:{channel_USD.slug}"].message


def test_a_coupon_channel_that_does_not_exist_is_a_problem(channel_USD, site_settings):
    saved = Settings(
        [
            {"name": "coupon_enabled", "value": True},
            {"name": "coupon_channel", "value": "turkiye"},
        ]
    )

    [finding] = checks.check_coupon_channel(saved)

    assert finding.severity == Severity.PROBLEM
    assert "no coupon can be given" in finding.message
    assert channel_USD.slug in finding.action
