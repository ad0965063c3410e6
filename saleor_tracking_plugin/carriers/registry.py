"""Every carrier the plugin knows: lookup by code, name or alias, and number detection.

Each carrier lives in its own folder next to this module and defines `CARRIER`.
Adding one is a new folder plus one line in `_CARRIER_FOLDERS`.
"""

import re
import unicodedata
from importlib import import_module

from .base import Carrier, normalize_tracking_number

# One line per carrier folder. The order is the one merchants see: Turkish carriers
# first, then global ones.
_CARRIER_FOLDERS: tuple[str, ...] = (
    "yurtici",
    "aras",
    "mng",
    "ptt",
    "surat",
    "hepsijet",
    "trendyol_express",
    "ups_tr",
    "ups",
    "dhl_express",
    "fedex",
    "usps",
    "royal_mail",
    "dpd",
    "gls",
)

# Dotless ı has no decomposition into "i" plus an accent, so it is mapped by hand;
# ç, ğ, ö, ş, ü and İ lose their marks in the NFKD step of `alias_key`.
_DOTLESS_I = str.maketrans({"ı": "i"})
_SEPARATORS = re.compile(r"[\s\-_]+")


def alias_key(value: str) -> str:
    """The form names are compared in: lower case, ASCII letters, no separators.

    "Yurtiçi Kargo", "YURTİÇİ KARGO" and "yurtici-kargo" all give "yurticikargo".
    """
    text = (value or "").translate(_DOTLESS_I).casefold()
    # Drop every accent (Turkish ç/ş/ü…, but also é, ä…) so names typed without
    # them still match.
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    return _SEPARATORS.sub("", text)


def _load(folder: str) -> Carrier:
    carrier = import_module(f"{__package__}.{folder}").CARRIER
    if not isinstance(carrier, Carrier):
        raise TypeError(f"{folder}.CARRIER is not a Carrier")
    if carrier.code != folder:
        # The folder name is the code, so a carrier is found where its code says.
        raise ValueError(f"carrier folder {folder!r} holds code {carrier.code!r}")
    return carrier


def _index(carriers: list[Carrier]) -> dict[str, Carrier]:
    # Fail at import rather than resolve a name to whichever carrier came last.
    index: dict[str, Carrier] = {}
    for carrier in carriers:
        for name in (carrier.code, carrier.name, *carrier.aliases):
            key = alias_key(name)
            owner = index.setdefault(key, carrier)
            if owner.code != carrier.code:
                raise ValueError(f"{name!r} names both {owner.code!r} and {carrier.code!r}")
    return index


CARRIERS: dict[str, Carrier] = {carrier.code: carrier for carrier in map(_load, _CARRIER_FOLDERS)}
_BY_NAME = _index(list(CARRIERS.values()))


def get_carrier(code_or_alias: str) -> Carrier | None:
    """The carrier with this code, name or alias, or None if no carrier has it.

    Case, Turkish letters (ç/c, ı/i, ş/s …), spaces, dashes and underscores do not
    matter: "YURTICI", "Yurtiçi Kargo" and "yurtici-kargo" all find `yurtici`.
    """
    key = alias_key(code_or_alias)
    return _BY_NAME.get(key) if key else None


def all_carriers() -> list[Carrier]:
    """Every carrier, Turkish ones first, then global ones, in a stable order."""
    return list(CARRIERS.values())


def detect_carrier(tracking_number: str) -> Carrier | None:
    """The carrier whose number format this tracking number matches.

    None when no carrier's format matches, and also when several do: a guess could
    send the customer to the wrong carrier's page, while None lets the carrier come
    from settings or the fulfillment's metadata instead.
    """
    number = normalize_tracking_number(tracking_number)
    if not number:
        return None
    matches = [carrier for carrier in CARRIERS.values() if carrier.recognizes(number)]
    return matches[0] if len(matches) == 1 else None
