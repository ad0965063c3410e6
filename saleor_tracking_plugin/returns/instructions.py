"""How to send a return parcel: per carrier, and whether the shop's contracted code applies."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..carriers.registry import get_carrier
from .policy import ReturnPolicy, ShippingPayer


@dataclass(frozen=True)
class ReturnInstructions:
    """What the customer needs at the carrier's counter."""

    carrier_code: str
    carrier_name: str
    return_code: str  # the shop's contracted return code; empty when the customer pays
    text: str
    address: str


def instructions_for(policy: ReturnPolicy, payer: ShippingPayer, rma: str) -> ReturnInstructions:
    """Instructions in the active language for a return numbered `rma`."""
    carrier = get_carrier(policy.return_carrier) if policy.return_carrier else None
    code = carrier.code if carrier else ""
    name = carrier.name if carrier else ""
    # The contracted code charges the parcel to the shop: only given when the shop pays.
    return_code = ""
    if payer == ShippingPayer.MERCHANT and code:
        return_code = policy.carrier_return_codes.get(code, "")
    if return_code:
        text = _(
            "Pack the items and take the parcel to any %(carrier)s branch. Give the contracted "
            "return code %(code)s and write the return number %(rma)s on the parcel. "
            "Shipping is free for you."
        ) % {"carrier": name, "code": return_code, "rma": rma}
    elif payer == ShippingPayer.MERCHANT:
        text = _(
            "Pack the items, write the return number %(rma)s on the parcel and send it to the "
            "address below. We pay the return shipping: keep the receipt."
        ) % {"rma": rma}
    else:
        text = _(
            "Pack the items, write the return number %(rma)s on the parcel and send it at your "
            "own cost to the address below, then enter the tracking number here."
        ) % {"rma": rma}
    return ReturnInstructions(code, name, return_code, text, policy.return_address)
