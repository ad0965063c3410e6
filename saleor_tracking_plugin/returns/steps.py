"""What every return step shares: who acts, the transition check, the move with its timeline
entry and customer message, and reading enum input."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..saleor_glue.orders import add_timeline_event
from .errors import ReturnError
from .models import Return
from .notices import announce
from .statuses import ReturnStatus, can_transition

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App


@dataclass(frozen=True)
class Actor:
    """Who takes a step: a customer or staff user, an app, or a guest (both None)."""

    user: "User | None" = None
    app: "App | None" = None


def move(
    ret: Return,
    target: ReturnStatus,
    message: str,
    actor: Actor | None = None,
    *,
    tell_customer: bool = True,
) -> None:
    """Save the new status, write the timeline entry and queue the customer's message (unless
    an earlier message of the same request already told it)."""
    previous = ReturnStatus(ret.status)
    ret.status = target
    ret.save(update_fields=["status", "updated_at"])
    timeline(ret, message, actor)
    announce(ret, previous, target, tell_customer=tell_customer)


def check(ret: Return, target: ReturnStatus) -> None:
    """Refuse a step the transition table does not allow."""
    if not can_transition(ReturnStatus(ret.status), target):
        raise ReturnError(
            "INVALID_STATUS", f"A return that is {ret.status} cannot become {target.value}."
        )


def locked(ret: Return) -> Return:
    """The return, re-read and locked for the rest of the transaction."""
    return Return.objects.select_for_update().select_related("order").get(pk=ret.pk)


def timeline(ret: Return, message: str, actor: Actor | None = None) -> None:
    """An entry on the order's timeline in Saleor, naming the return."""
    actor = actor or Actor()
    add_timeline_event(
        ret.order,
        message,
        {"return_id": ret.pk, "rma": ret.rma, "status": ret.status},
        user=actor.user,
        app=actor.app,
    )


def member(enum, value, field: str, code: str):
    """The enum member named by `value` (any case), or a typed refusal."""
    try:
        return enum(str(value).lower())
    except ValueError:
        raise ReturnError(code, f"Unknown {field} value {value}.", field) from None
