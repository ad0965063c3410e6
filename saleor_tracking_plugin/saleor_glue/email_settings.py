"""Saleor's email settings as the plugin needs them: is there a backend, and the sender."""

from django.conf import settings as django_settings
from django.utils.module_loading import import_string

from .context import site_settings

EMAIL_SETUP_HINT = (
    "Set EMAIL_URL in the environment of Saleor's API and Celery workers (for example "
    "smtp://user:password@smtp.example.com:587/?tls=True) and restart them."
)


def email_backend_problem() -> str | None:
    """Why Saleor cannot send email, or None when its email backend is usable.

    Saleor builds EMAIL_BACKEND from EMAIL_URL; an empty EMAIL_URL leaves it empty, and
    Django then fails on every send with an ImportError that names no setting.
    """
    backend = getattr(django_settings, "EMAIL_BACKEND", "") or ""
    if not backend:
        return f"Saleor has no email backend: EMAIL_URL is empty. {EMAIL_SETUP_HINT}"
    try:
        import_string(backend)
    except ImportError:
        return f"Saleor's EMAIL_BACKEND {backend!r} cannot be loaded. {EMAIL_SETUP_HINT}"
    return None


def sender_address() -> str:
    """The shop's sender as configured in Saleor (site settings, else DEFAULT_FROM_EMAIL)."""
    return site_settings().default_from_email
