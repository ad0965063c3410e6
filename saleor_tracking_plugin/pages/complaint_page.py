"""The hosted complaint thread: our answers and the customer's messages; writing here opens
a complaint or reopens an answered one. Opened from the signed link in our answer."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from saleor.core.db.connection import allow_writer

from ..saleor_glue.order_lookups import order_by_id
from ..surveys.complaints import ComplaintError, customer_writes
from ..surveys.labels import ERROR_TEXTS, GENERIC_ERROR
from ..surveys.links import COMPLAINT_PURPOSE
from ..surveys.models import ComplaintMessage
from ..surveys.rules import MAX_COMMENT_LENGTH
from .links import order_id_from_token
from .rendering import page_language, render_page


def complaint_page(request: HttpRequest) -> HttpResponse:
    """GET shows the thread; POST `message` adds the customer's message, then back to GET."""
    token = request.GET.get("t", "")
    order_id = order_id_from_token(token, COMPLAINT_PURPOSE)
    order = order_by_id(order_id) if order_id else None
    language = page_language(request, order)
    if order is None:
        return render_page(
            request, "saleor_tracking_plugin/pages/link_invalid.html", {}, language, status=404
        )
    error = None
    if request.method == "POST":
        try:
            with allow_writer():
                customer_writes(order, request.POST.get("message", ""))
        except ComplaintError as refused:
            error = ERROR_TEXTS.get(refused.code, GENERIC_ERROR)
        else:
            response = HttpResponseRedirect(f"?t={token}&lang={language}&sent=1")
            response.status_code = 303
            return response
    context = {
        "order": order,
        "token": token,
        "messages": ComplaintMessage.objects.filter(complaint__order=order),
        "sent": request.GET.get("sent") == "1" and error is None,
        "error": error,
        "max_length": MAX_COMMENT_LENGTH,
    }
    return render_page(
        request,
        "saleor_tracking_plugin/pages/complaint.html",
        context,
        language,
        status=400 if error else 200,
        order=order,
    )
