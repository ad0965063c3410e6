"""Delay choices on the hosted tracking page: what the shopper sees and the form they send."""

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from saleor.core.db.connection import allow_writer

from .. import PLUGIN_ID
from ..delays import actions
from ..delays.labels import cause_explanation, choice_label
from ..delays.models import OrderDelay, RefundStatus
from ..delays.rules import DelayChoice, offered_choices
from ..saleor_glue.cancellations import can_cancel
from ..saleor_glue.order_lookups import order_by_id
from .links import delay_choice_token, delay_id_from_token
from .rendering import SUPPORTED_LANGUAGES, page_language, render_page

if TYPE_CHECKING:
    from saleor.order.models import Order

# Results the page may announce after a choice; anything else in the URL is ignored.
RESULTS = {"saved", "NOT_OFFERED", "CLOSED", "CONFIRM_CANCEL"}


def delay_view(order: "Order", result: str = "") -> dict | None:
    """What the tracking page shows about the order's delay, or None when it has none."""
    delay = (
        OrderDelay.objects.filter(order=order)
        .prefetch_related("causes")
        .select_related("refund")
        .first()
    )
    if delay is None or (delay.resolved_at and delay.choice != DelayChoice.CANCEL):
        return None
    refund = getattr(delay, "refund", None)
    is_open = delay.resolved_at is None and delay.choice != DelayChoice.CANCEL
    return {
        "explanations": [cause_explanation(cause.cause) for cause in delay.causes.all()],
        "new_estimate": delay.new_estimate,
        "choice": delay.choice,
        "choice_label": choice_label(delay.choice) if delay.choice else "",
        "updates_consent": delay.updates_consent,
        "choices": (
            [
                {"value": choice.value, "label": choice_label(choice)}
                for choice in offered_choices(can_cancel(order))
            ]
            if is_open
            else []
        ),
        "refund_status": refund.status if refund else "",
        "refund_amount": refund.amount if refund else None,
        "refund_currency": refund.currency if refund else "",
        "refund_statuses": RefundStatus,
        "result": result if result in RESULTS else "",
        "choose_url": f"/plugins/global/{PLUGIN_ID}/pages/delay/choose/",
        "choice_token": delay_choice_token(delay) if is_open else "",
    }


def delay_choice(request: HttpRequest) -> HttpResponse:
    """POST /pages/delay/choose/ with the page's signed tokens `t` (the tracking page) and `d`
    (this delay's choice), `choice`, `consent`, and `confirm=1` to confirm a cancellation.

    The delay-choice token is the shopper's authority (guests have no login): it is bound to
    one open delay and expires within a week. Cancelling asks for a confirmation first. It
    answers with a redirect back to the tracking page, which shows the outcome.
    """
    token = request.POST.get("t", "")
    found = delay_id_from_token(request.POST.get("d", ""))
    order = order_by_id(found[0]) if found else None
    language = request.POST.get("lang", "")
    if language not in SUPPORTED_LANGUAGES:
        language = page_language(request, order)
    if request.method != "POST" or order is None or found is None:
        return render_page(
            request, "saleor_tracking_plugin/pages/link_invalid.html", {}, language, status=404
        )
    delay = OrderDelay.objects.filter(order=order, pk=found[1]).first()
    choice = request.POST.get("choice", "")
    if delay is None or delay.resolved_at or choice not in DelayChoice:
        return _back_to_tracking(token, language, "CLOSED")
    if choice == DelayChoice.CANCEL and request.POST.get("confirm") != "1":
        return _back_to_tracking(token, language, "CONFIRM_CANCEL")
    try:
        with allow_writer():
            actions.choose(
                delay.pk, DelayChoice(choice), updates_consent=request.POST.get("consent") == "1"
            )
    except actions.DelayActionError as error:
        return _back_to_tracking(token, language, error.code)
    return _back_to_tracking(token, language, "saved")


def _back_to_tracking(token: str, language: str, result: str) -> HttpResponseRedirect:
    query = urlencode({"t": token, "lang": language, "result": result})
    response = HttpResponseRedirect(f"/plugins/global/{PLUGIN_ID}/pages/track/?{query}")
    response.status_code = 303
    return response
