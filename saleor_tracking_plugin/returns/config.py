"""Return policy settings, edited by the merchant in Saleor's plugin settings."""

from ..config import (
    BOOLEAN,
    MULTILINE,
    ConfigField,
    amount_or_empty,
    carrier_code,
    free_text,
    integer,
    key_value_lines,
    list_of,
    pattern,
    slug_list,
)
from .reasons import Resolution, ReturnReason

REASONS = tuple(reason.value for reason in ReturnReason)
RESOLUTIONS = tuple(resolution.value for resolution in Resolution)

FIELDS = [
    ConfigField(
        name="return_window_days",
        default=14,
        label="Return window (days)",
        help_text="Days to return an item, counted from delivery (or fulfillment if unknown).",
        validator=integer(0, 365),
    ),
    ConfigField(
        name="return_non_returnable_products",
        default="",
        label="Products that cannot be returned",
        help_text="Comma-separated product slugs or IDs, e.g. 'gift-card, underwear-set'.",
        validator=slug_list,
    ),
    ConfigField(
        name="return_non_returnable_product_types",
        default="",
        label="Product types that cannot be returned",
        help_text="Comma-separated product type slugs, e.g. 'cosmetics, food'.",
        validator=slug_list,
    ),
    ConfigField(
        name="return_reasons",
        default="size,damaged,defective,wrong_item,not_as_described,changed_mind,other",
        label="Return reasons offered",
        help_text=(
            "Comma-separated, from: size, damaged, defective, wrong_item, not_as_described, "
            "changed_mind, other."
        ),
        validator=list_of(*REASONS, allow_empty=False),
    ),
    ConfigField(
        name="return_merchant_pays_shipping_for",
        default="damaged,defective,wrong_item,not_as_described",
        label="Reasons for which the shop pays return shipping",
        help_text=(
            "For these reasons the customer ships with the shop's contracted return code; "
            "for the others the customer pays the return parcel."
        ),
        validator=list_of(*REASONS),
    ),
    ConfigField(
        name="return_auto_approve",
        default=True,
        type=BOOLEAN,
        label="Approve return requests automatically",
        help_text="Approve valid requests inside the window without waiting for staff.",
    ),
    ConfigField(
        name="return_auto_approve_max_amount",
        default="",
        label="Automatic approval up to this amount",
        help_text="Requests worth more wait for staff. Empty: no limit.",
        validator=amount_or_empty,
    ),
    ConfigField(
        name="return_resolutions",
        default="refund,store_credit",
        label="Resolutions offered",
        help_text="refund (to the original payment), store_credit (a Saleor gift card).",
        validator=list_of(*RESOLUTIONS, allow_empty=False),
    ),
    ConfigField(
        name="return_decision_hours",
        default=24,
        label="Flag undecided requests after (hours)",
        help_text="Requests waiting longer for a decision are flagged to staff.",
        validator=integer(1, 24 * 30),
    ),
    ConfigField(
        name="return_receive_on_delivery",
        default=False,
        type=BOOLEAN,
        label="Count a return as received when the carrier delivers it",
        help_text=(
            "Trust the carrier's delivery scan of the return parcel instead of waiting for "
            "staff to mark it received, so the refund can follow sooner."
        ),
    ),
    ConfigField(
        name="return_carrier",
        default="yurtici",
        label="Carrier for return parcels",
        help_text="Carrier code customers ship returns with, e.g. 'yurtici' or 'aras'.",
        validator=carrier_code(),
    ),
    ConfigField(
        name="return_carrier_codes",
        default="",
        type=MULTILINE,
        label="Contracted return codes per carrier",
        help_text=(
            "One 'carrier=code' per line, e.g. 'yurtici=304512' for Yurtiçi's "
            "'anlaşmalı iade kodu'. Shown to customers when the shop pays return shipping."
        ),
        validator=key_value_lines(
            pattern(r"[\w\-]+", "enter the code as letters and digits"), "code"
        ),
    ),
    ConfigField(
        name="return_address",
        default="",
        type=MULTILINE,
        label="Return address",
        help_text="Where customers send return parcels.",
        validator=free_text,
    ),
]
