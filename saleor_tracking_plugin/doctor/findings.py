"""What the doctor reports (pure: no Django)."""

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a finding matters: OK works; WARNING degrades something; PROBLEM breaks it."""

    OK = "ok"
    INFO = "info"
    WARNING = "warning"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Finding:
    """One check's result: what was checked, how it stands, and what to do about it."""

    check: str
    severity: Severity
    message: str
    action: str = ""


def ok(check: str, message: str) -> Finding:
    """A check that passed."""
    return Finding(check, Severity.OK, message)


def info(check: str, message: str, action: str = "") -> Finding:
    """Something worth knowing that breaks nothing."""
    return Finding(check, Severity.INFO, message, action)


def warning(check: str, message: str, action: str) -> Finding:
    """Something that degrades the shopper's or merchant's experience."""
    return Finding(check, Severity.WARNING, message, action)


def problem(check: str, message: str, action: str) -> Finding:
    """Something that breaks a capability until fixed."""
    return Finding(check, Severity.PROBLEM, message, action)
