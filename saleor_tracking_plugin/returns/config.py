"""Return policy settings, edited by the merchant in Saleor's plugin settings."""

from ..config import BOOLEAN, MULTILINE, ConfigField

FIELDS = [
    ConfigField(
        name="return_window_days",
        default=14,
        label="Return window (days)",
        help_text="Days to return an item, counted from delivery (or fulfillment if unknown).",
    ),
    ConfigField(
        name="return_non_returnable_products",
        default="",
        label="Products that cannot be returned",
        help_text="Comma-separated product slugs or IDs, e.g. 'gift-card, underwear-set'.",
    ),
    ConfigField(
        name="return_non_returnable_product_types",
        default="",
        label="Product types that cannot be returned",
        help_text="Comma-separated product type slugs, e.g. 'cosmetics, food'.",
    ),
    ConfigField(
        name="return_reasons",
        default="size,damaged,defective,wrong_item,not_as_described,changed_mind,other",
        label="Return reasons offered",
        help_text=(
            "Comma-separated, from: size, damaged, defective, wrong_item, not_as_described, "
            "changed_mind, other."
        ),
    ),
    ConfigField(
        name="return_merchant_pays_shipping_for",
        default="damaged,defective,wrong_item,not_as_described",
        label="Reasons for which the shop pays return shipping",
        help_text=(
            "For these reasons the customer ships with the shop's contracted return code; "
            "for the others the customer pays the return parcel."
        ),
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
    ),
    ConfigField(
        name="return_resolutions",
        default="refund,store_credit",
        label="Resolutions offered",
        help_text="refund (to the original payment), store_credit (a Saleor gift card).",
    ),
    ConfigField(
        name="return_decision_hours",
        default=24,
        label="Flag undecided requests after (hours)",
        help_text="Requests waiting longer for a decision are flagged to staff.",
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
    ),
    ConfigField(
        name="return_address",
        default="",
        type=MULTILINE,
        label="Return address",
        help_text="Where customers send return parcels.",
    ),
]
