"""The refund of a return as staff see it: its exactly-once record (status, amount, Saleor's
reference, the failure's reason). Its status is the returns' one refund-status enum, built from
the model's choices, so a new refund state appears in the API without a change here."""

import graphene

from ..returns.models import ReturnRefund
from .return_enums import RefundStatusEnum


class ReturnRefundState(graphene.ObjectType):
    class Meta:
        description = "The refund (or store credit) recorded for a return, once per return."

    status = RefundStatusEnum(required=True, description="Where it stands.")
    amount = graphene.Decimal(required=True, description="The amount asked of Saleor.")
    currency = graphene.String(required=True, description="Its currency.")
    reference = graphene.String(
        required=True, description="Saleor's transaction, event or gift card; empty until known."
    )
    error = graphene.String(required=True, description="Why it failed; empty otherwise.")
    attempts = graphene.Int(required=True, description="Calls made to Saleor.")
    updated_at = graphene.DateTime(required=True, description="Last change.")

    @staticmethod
    def resolve_reference(root: ReturnRefund, _info):
        return root.saleor_reference


# Where lists keep each return's prefetched refund records.
PAGE_REFUNDS = "page_refunds"
# Fields of a return that read its refund records (`latest_refund`): lists prefetch them
# only when one is asked.
REFUND_FIELDS = frozenset(
    {
        "refund",
        "refundShortfall",
        "refundStatus",
        "refundError",
        "refundReference",
        "refundAttempts",
    }
)


def latest_refund(ret) -> ReturnRefund | None:
    """The return's refund record (the latest, should a retry ever add one); lists prefetch
    them into PAGE_REFUNDS (`returns.resolve_returns`, `returns._with_lines_and_refunds`)."""
    refunds = getattr(ret, PAGE_REFUNDS, None)
    if refunds is None:
        refunds = list(ret.refunds.all())
    return refunds[-1] if refunds else None
