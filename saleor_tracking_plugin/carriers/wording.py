"""Match carriers' event wording, Turkish or English, to our statuses.

Turkish carriers name events in words ("TESLİM EDİLDİ", "Dağıtıma Çıkarıldı"), in either
case and with or without Turkish letters; wording is folded before matching so that all
spellings meet.
"""

import re
import unicodedata
from dataclasses import dataclass

from ..tracking.statuses import ShipmentStatus

_DOTLESS_I = str.maketrans({"ı": "i", "I": "i"})


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: "TESLİM EDİLDİ" → "teslim edildi"."""
    text = (text or "").translate(_DOTLESS_I).casefold()
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    return " ".join(text.split())


@dataclass(frozen=True)
class WordingRules:
    """Ordered (pattern, status) rules over folded text; the first match wins."""

    rules: tuple[tuple[str, ShipmentStatus], ...]
    default: ShipmentStatus = ShipmentStatus.IN_TRANSIT

    def status_of(self, *texts: str) -> ShipmentStatus:
        """The status the first matching rule gives any of `texts`, else `default`."""
        folded = [fold(text) for text in texts if text]
        for pattern, status in self.rules:
            if any(re.search(pattern, text) for text in folded):
                return status
        return self.default
