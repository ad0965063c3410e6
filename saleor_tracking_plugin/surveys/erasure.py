"""Erasure: when Saleor deletes a customer, their comments and contact details in surveys
and complaints are wiped; scores stay, anonymous, for the figures."""

from django.db import transaction
from django.utils import timezone

from ..saleor_glue.order_joins import placed_with_email
from .models import Complaint, ComplaintMessage, Survey, SurveyCoupon


def erase_customer_feedback(email: str) -> int:
    """Wipe the personal text of every survey and complaint of orders placed with `email`
    (the deleted account's orders keep their email in Saleor); returns surveys and complaints
    touched."""
    email = (email or "").strip()
    if not email:
        return 0
    now = timezone.now()
    of_customer = placed_with_email(email)
    with transaction.atomic():
        surveys = Survey.objects.filter(of_customer).update(
            comment="", contact_consent=False, erased_at=now
        )
        complaints = Complaint.objects.filter(of_customer)
        ComplaintMessage.objects.filter(complaint__in=complaints).update(body="")
        touched = complaints.update(comment="", contact_consent=False, erased_at=now)
        SurveyCoupon.objects.filter(customer_email__iexact=email).update(customer_email="")
    return surveys + touched
