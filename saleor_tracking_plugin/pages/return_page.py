"""The hosted return page: the policy, a return request form, and the order's returns with
their RMA, QR code, instructions and parcel tracking. For shoppers whose storefront has no
returns UI; it opens from a signed link and works on a phone."""

import uuid
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ..config import load_settings
from ..returns import actions
from ..returns.eligibility import order_eligibility
from ..returns.errors import ReturnError
from ..returns.instructions import instructions_for
from ..returns.labels import REASON_LABELS, RESOLUTION_LABELS, STATUS_LABELS
from ..returns.models import Return
from ..returns.notices import RETURN_PAGE_PURPOSE
from ..returns.policy import ShippingPayer, from_settings
from ..returns.qr import qr_svg
from ..returns.statuses import AWAITING_PARCEL, ReturnStatus, can_transition
from ..saleor_glue.order_lookups import order_with_customer
from .links import order_id_from_token
from .rendering import page_language, render_page

if TYPE_CHECKING:
    from saleor.order.models import Order

TEMPLATE = "saleor_tracking_plugin/pages/return.html"

ERROR_TEXTS = {
    "QUANTITY_TOO_HIGH": _("You chose more items than can be returned."),
    "INVALID_QUANTITY": _("Choose how many items to return."),
    "REQUIRED": _("Please fill in the missing information."),
    "LINE_NOT_IN_ORDER": _("That item is not part of this order."),
    "WINDOW_CLOSED": _("The return period for this item has ended."),
    "NON_RETURNABLE_PRODUCT": _("This product cannot be returned."),
    "ALREADY_REQUESTED": _("These items are already in a return."),
    "ORDER_CANCELLED": _("This order was cancelled."),
    "NOT_FULFILLED": _("This item has not been shipped yet."),
    "INVALID_STATUS": _("This return can no longer be changed."),
    "UNKNOWN_CARRIER": _("We do not know this carrier."),
    "OUTBOUND_TRACKING_NUMBER": _(
        "This is the number of the parcel we sent you. Please enter the number of your return "
        "parcel."
    ),
}
GENERIC_ERROR = _("Something was not right. Please check and try again.")
# The banner after a successful action says what that action did.
DONE_TEXTS = {
    "request": _("Thank you, we have your request."),
    "cancel": _("Your return is cancelled."),
    "tracking": _("Thank you, we saved the tracking number of your return parcel."),
}
MISSING_TEXTS = {
    "lines": _("how many of which item to return"),
    "reason": _("a reason"),
    "resolution": _("what you would like instead"),
}


def return_page(request: HttpRequest) -> HttpResponse:
    """GET shows the page; POST `action` = request | cancel | tracking, then back to GET."""
    token = request.POST.get("t") or request.GET.get("t", "")
    order_id = order_id_from_token(token, RETURN_PAGE_PURPOSE)
    order = order_with_customer(order_id) if order_id else None
    language = page_language(request, order)
    if order is None:
        return render_page(
            request, "saleor_tracking_plugin/pages/link_invalid.html", {}, language, status=404
        )
    error: str | None = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        missing = _missing(request) if action == "request" else []
        # Messages are read in the page's language, not the server's.
        with translation.override(language):
            if missing:
                error = str(_("Still missing: %(missing)s.")) % {
                    "missing": ", ".join(str(MISSING_TEXTS[name]) for name in missing)
                }
            else:
                try:
                    _handle(request, order)
                except ReturnError as refused:
                    error = str(ERROR_TEXTS.get(refused.code, GENERIC_ERROR))
        if error is None:
            return HttpResponseRedirect(f"?t={token}&lang={language}&done={action}")
    with translation.override(language):
        context = _context(order, token, language)
    context["error"] = error
    done = request.GET.get("done", "") if error is None else ""
    context["done"] = DONE_TEXTS.get(done, "")
    return render_page(
        request, TEMPLATE, context, language, status=400 if error else 200, order=order
    )


def _missing(request: HttpRequest) -> list[str]:
    """What a return request form left empty, in the form's order."""
    chosen = [
        key
        for key in request.POST
        if key.startswith("qty-") and request.POST.get(key, "").strip() not in ("", "0")
    ]
    missing = [] if chosen else ["lines"]
    return missing + [name for name in ("reason", "resolution") if not request.POST.get(name)]


def _handle(request: HttpRequest, order: "Order") -> None:
    action = request.POST.get("action")
    # A guest: the signed link is the proof of access, as order number and email are in the API.
    actor = actions.Actor()
    if action == "request":
        lines = []
        for key in request.POST:
            value = request.POST.get(key, "")
            if key.startswith("qty-") and value.strip() not in ("", "0"):
                lines.append((_uuid(key[4:]), _int(value)))
        actions.request_return(
            order,
            lines,
            reason=request.POST.get("reason", ""),
            resolution=request.POST.get("resolution", ""),
            comment=request.POST.get("comment", ""),
            actor=actor,
        )
        return
    ret = Return.objects.filter(order=order, pk=_int(request.POST.get("return", ""))).first()
    if ret is None:
        raise ReturnError("INVALID_STATUS", "Unknown return.")
    if action == "cancel":
        actions.cancel_return(ret, actor)
    elif action == "tracking":
        actions.set_return_tracking(ret, request.POST.get("tracking_number", ""), None, actor)
    else:
        raise ReturnError("INVALID", "Unknown action.")


def _context(order: "Order", token: str, language: str) -> dict:
    policy = load_settings().typed(from_settings)
    eligibility = order_eligibility(order, policy, timezone.now())
    lines = [
        {
            "id": str(line.pk),
            "name": line.product_name,
            "variant": line.variant_name,
            "returnable": rules.returnable_quantity,
            "choices": range(1, rules.returnable_quantity + 1),
            "deadline": rules.deadline,
            "refusal": ERROR_TEXTS.get(rules.refusal.value) if rules.refusal else None,
        }
        for line, rules in eligibility.values()
    ]
    returns = [_return_view(ret, policy) for ret in Return.objects.filter(order=order)]
    return {
        "order": order,
        "token": token,
        "language": language,
        "policy": policy,
        "lines": lines,
        "can_request": any(line["returnable"] for line in lines),
        "reasons": [
            {
                "code": reason.value,
                "label": REASON_LABELS[reason],
                "free": policy.shipping_payer(reason) == ShippingPayer.MERCHANT,
            }
            for reason in policy.reasons
        ],
        "free_reasons": [
            str(REASON_LABELS[r]) for r in policy.reasons if r in policy.merchant_pays_shipping_for
        ],
        "resolutions": [
            {"code": r.value, "label": RESOLUTION_LABELS[r]} for r in policy.resolutions
        ],
        "returns": returns,
    }


def _return_view(ret: Return, policy) -> dict:
    status = ReturnStatus(ret.status)
    payer = ShippingPayer.CUSTOMER if ret.customer_pays_shipping else ShippingPayer.MERCHANT
    shows_parcel_steps = status in AWAITING_PARCEL
    return {
        "pk": ret.pk,
        "rma": ret.rma,
        "status_label": STATUS_LABELS[status],
        "status": status.value,
        "lines": [
            {"name": line.order_line.product_name, "quantity": line.quantity}
            for line in ret.lines.select_related("order_line")
        ],
        "qr_svg": qr_svg(ret.rma) if shows_parcel_steps else "",
        "instructions": instructions_for(policy, payer, ret.rma) if shows_parcel_steps else None,
        "tracking_number": ret.return_shipment.tracking_number if ret.return_shipment else "",
        "accepts_tracking": shows_parcel_steps,
        "can_cancel": can_transition(status, ReturnStatus.CANCELLED),
        "decision_note": ret.decision_note,
        # What Saleor recorded as refunded (less than owed when capped by what was captured).
        "refund_amount": ret.refunded_amount
        if ret.refunded_amount is not None
        else ret.refund_amount,
        "currency": ret.currency,
    }


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ReturnError("LINE_NOT_IN_ORDER", "Unknown line.") from None


def _int(value: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ReturnError("INVALID_QUANTITY", "Not a number.") from None
