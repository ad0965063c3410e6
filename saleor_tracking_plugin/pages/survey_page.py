"""The hosted rating page, opened by a score tapped in the survey email.

A GET never records anything (mail scanners open every link): it shows the tapped score
selected, and the page's own script POSTs it at once; without scripts the shopper taps the
button. After the rating come an optional comment, topics and the "you may contact me" box,
then the thank-you (with the coupon code, if one was earned). The signed token is the
shopper's authority, as on the other hosted pages.
"""

from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from saleor.core.db.connection import allow_writer

from ..config import load_settings
from ..saleor_glue.order_lookups import order_by_id
from ..surveys.actions import Answer, can_answer, edit_deadline, submit_answer
from ..surveys.labels import ERROR_TEXTS, GENERIC_ERROR, TOPIC_LABELS
from ..surveys.links import SURVEY_PURPOSE
from ..surveys.models import Survey, SurveyCoupon
from ..surveys.rules import MAX_COMMENT_LENGTH, MAX_SCORE, MIN_SCORE, AnswerError
from .links import order_id_from_token
from .rendering import SUPPORTED_LANGUAGES, page_language, render_page

if TYPE_CHECKING:
    from saleor.order.models import Order

TEMPLATE = "saleor_tracking_plugin/pages/survey.html"


def survey_page(request: HttpRequest) -> HttpResponse:
    """GET/POST /pages/survey/?t=<signed token>[&score=1..5][&lang=tr|en].

    POST `score` (the one-tap rating), optionally with `details=1`, `comment`, `topics` and
    `consent`. A script's POST (header `X-Survey-Fetch: 1`) gets JSON; a form POST is
    redirected back to the page.
    """
    token = request.POST.get("t") or request.GET.get("t", "")
    order_id = order_id_from_token(token, SURVEY_PURPOSE)
    order = order_by_id(order_id) if order_id else None
    language = request.POST.get("lang", "")
    if language not in SUPPORTED_LANGUAGES:
        language = page_language(request, order)
    if order is None:
        return render_page(
            request, "saleor_tracking_plugin/pages/link_invalid.html", {}, language, status=404
        )
    error = None
    if request.method == "POST":
        try:
            with allow_writer():
                submit_answer(order, _answer(request))
        except AnswerError as refused:
            error = refused
        if request.headers.get("X-Survey-Fetch") == "1":
            if error is not None:
                return JsonResponse({"ok": False, "code": error.code}, status=400)
            return JsonResponse({"ok": True})
        if error is None:
            saved = "details" if request.POST.get("details") == "1" else "score"
            response = HttpResponseRedirect(f"?t={token}&lang={language}&saved={saved}")
            response.status_code = 303
            return response
    context = _context(request, order, token)
    if error is not None:
        context["error"] = ERROR_TEXTS.get(error.code, GENERIC_ERROR)
    return render_page(
        request, TEMPLATE, context, language, status=400 if error else 200, order=order
    )


def _answer(request: HttpRequest) -> Answer:
    if request.POST.get("details") != "1":
        return Answer(score=request.POST.get("score", ""))
    return Answer(
        score=request.POST.get("score", ""),
        comment=request.POST.get("comment", ""),
        topics=request.POST.getlist("topics"),
        contact_consent=request.POST.get("consent") == "1",
    )


def _context(request: HttpRequest, order: "Order", token: str) -> dict:
    settings = load_settings()
    survey = Survey.objects.filter(order=order).first()
    answered = survey is not None and survey.answered_at is not None
    deadline = edit_deadline(survey, settings) if survey is not None else None
    editable = not answered or (deadline is not None and timezone.now() <= deadline)
    tapped = request.GET.get("score", "")
    selected = (
        int(tapped)
        if tapped.isascii() and tapped.isdigit() and MIN_SCORE <= int(tapped) <= MAX_SCORE
        else None
    )
    recorded = survey.score if answered and survey is not None else None
    coupon = SurveyCoupon.objects.filter(survey=survey).first() if survey is not None else None
    return {
        "order": order,
        "token": token,
        "available": can_answer(order, survey),
        "scores": range(MIN_SCORE, MAX_SCORE + 1),
        "selected": selected or recorded,
        # The tapped score still has to be sent (the script does it at once).
        "to_send": selected if editable and selected and selected != recorded else None,
        "recorded": recorded,
        "editable": editable,
        "edit_deadline": deadline,
        "comment": survey.comment if survey else "",
        "topics": [
            {
                "value": topic.value,
                "label": label,
                "checked": bool(survey and topic.value in survey.topics),
            }
            for topic, label in TOPIC_LABELS.items()
        ],
        "consent": bool(survey and survey.contact_consent),
        "saved": request.GET.get("saved", ""),
        "coupon": coupon,
        "max_comment": MAX_COMMENT_LENGTH,
    }
