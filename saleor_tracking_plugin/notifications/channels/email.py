"""Email through Saleor's own mail settings (EMAIL_URL, the shop's sender address)."""

import smtplib
from email.utils import parseaddr

from django.conf import settings as django_settings
from django.core.mail import EmailMultiAlternatives
from django.utils.html import strip_tags

from ...config import Settings
from ...saleor_glue.email_settings import email_backend_problem, sender_address
from ...saleor_glue.shop import shop_identity
from ..models import OutboxMessage
from .base import PermanentSendError, SendResult, TransientSendError


def send_email(message: OutboxMessage, settings: Settings) -> SendResult:
    """Send the HTML and plain-text email with Django's mail connection, as Saleor does.

    The Message-ID is derived from the outbox row, so a resend after a crash is recognisable
    as the same message; one-click unsubscribe headers follow RFC 8058. The sender is Saleor's
    address under the name of the order channel's shop, and replies go to that shop's email
    when it has its own (`shop_identity_by_channel`). A missing email
    backend is a configuration error: the message fails at once with the fix as its reason
    (staff see it), instead of retrying a send that cannot work.
    """
    problem = email_backend_problem()
    if problem:
        raise PermanentSendError(problem)
    domain = (getattr(django_settings, "PUBLIC_URL", "") or "").split("//")[-1].split("/")[
        0
    ] or "localhost"
    message_id = f"<{message.idempotency_key}@{domain}>"
    headers = {"Message-ID": message_id}
    unsubscribe_link = message.facts.get("unsubscribe_link")
    if unsubscribe_link:
        headers["List-Unsubscribe"] = f"<{unsubscribe_link}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    shop = shop_identity(settings, message.order)
    sender_name, address = parseaddr(sender_address())
    name = (shop.name or sender_name).replace('"', "").replace("\\", "")
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body or strip_tags(message.body_html),
        from_email=f'"{name}" <{address}>' if name else address,
        to=[message.recipient],
        headers=headers,
        reply_to=[shop.email] if shop.email and shop.email != address else None,
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    try:
        email.send()
    except smtplib.SMTPRecipientsRefused as error:
        raise PermanentSendError(f"Recipient refused: {error.recipients}") from error
    except (smtplib.SMTPException, OSError) as error:
        raise TransientSendError(f"{type(error).__name__}: {error}") from error
    return SendResult(provider="email", provider_message_id=message_id)
