"""`python manage.py tracking_doctor`: check the plugin's installation and say what to fix."""

from django.core.management.base import BaseCommand

from ...doctor.checks import run_checks
from ...doctor.findings import Severity

MARKS = {
    Severity.PROBLEM: "PROBLEM",
    Severity.WARNING: "WARNING",
    Severity.INFO: "info",
    Severity.OK: "ok",
}


class Command(BaseCommand):
    help = (
        "Check the post-purchase tracking plugin's installation: PUBLIC_URL, email, Celery "
        "beat and workers, the messages' queue, carrier credentials, webhook secrets, time "
        "zone and quiet hours. Exits with status 1 when a problem is found."
    )

    def handle(self, *args, **options):
        findings = run_checks()
        for finding in findings:
            line = f"[{MARKS[finding.severity]}] {finding.check}: {finding.message}"
            style = {
                Severity.PROBLEM: self.style.ERROR,
                Severity.WARNING: self.style.WARNING,
            }.get(finding.severity, str)
            self.stdout.write(style(line))
            if finding.action:
                self.stdout.write(f"    → {finding.action}")
        problems = sum(1 for finding in findings if finding.severity == Severity.PROBLEM)
        self.stdout.write(f"{problems} problem(s), {len(findings)} check(s).")
        if problems:
            raise SystemExit(1)
