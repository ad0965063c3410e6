"""Signed links of the survey and complaint pages."""

from typing import Any

from ..pages.links import page_url
from .rules import MAX_SCORE, MIN_SCORE

SURVEY_PURPOSE = "survey"
COMPLAINT_PURPOSE = "complaint"


def survey_link(order: Any, score: int | None = None) -> str:
    """The survey page of the order; with `score`, that score shown selected (not recorded)."""
    params = {"score": str(score)} if score is not None else {}
    return page_url("survey", order, SURVEY_PURPOSE, **params)


def score_links(order: Any) -> list[dict[str, Any]]:
    """One link per score, 1 to 5, for a one-tap rating in the email."""
    return [
        {"score": score, "url": survey_link(order, score)}
        for score in range(MIN_SCORE, MAX_SCORE + 1)
    ]


def complaint_link(order: Any) -> str:
    """The complaint thread page of the order, where the customer can answer."""
    return page_url("complaint", order, COMPLAINT_PURPOSE)
