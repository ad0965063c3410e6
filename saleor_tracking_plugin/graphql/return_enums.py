"""GraphQL enums of returns, shared by the return queries, mutations and survey texts."""

import graphene

from ..returns.models import RefundStatus
from ..returns.policy import NotReturnable, ShippingPayer
from ..returns.reasons import InspectionOutcome, Resolution, ReturnReason
from ..returns.statuses import ReturnStatus


def _enum(name: str, enum, description: str) -> type[graphene.Enum]:
    return graphene.Enum(
        name, [(member.name, member.value) for member in enum], description=description
    )


ReturnStatusEnum = _enum("ReturnStatus", ReturnStatus, "Status of a return.")
ReturnReasonEnum = _enum("ReturnReason", ReturnReason, "Why items are returned.")
ResolutionEnum = _enum("ReturnResolution", Resolution, "What the customer gets back.")
InspectionOutcomeEnum = _enum(
    "ReturnInspectionOutcome", InspectionOutcome, "What inspection found."
)
RefundStatusEnum = _enum(
    "ReturnRefundStatus",
    RefundStatus,
    "Where a return's refund is: PENDING (being asked), REQUESTED (the payment app was asked; "
    "no money moved yet), SUCCEEDED (Saleor recorded it), FAILED (refused; may be retried), "
    "UNKNOWN (the gateway's answer was lost; settled from Saleor's records or by staff).",
)
NotReturnableEnum = _enum("NotReturnableReason", NotReturnable, "Why items cannot be returned.")
ShippingPayerEnum = _enum("ReturnShippingPayer", ShippingPayer, "Who pays the return parcel.")
LanguageEnum = graphene.Enum(
    "ReturnTextLanguage", [("EN", "en"), ("TR", "tr")], description="Language of texts."
)
