"""Yurtiçi Kargo statuses in our vocabulary.

`operationStatus` of `queryShipment` (Yurtiçi's "Web Servis Entegrasyon Kılavuzu"): the
parcel's state as a whole. Event names (`invDocCargoVOArray[].eventName`) are words; they are
matched after folding (see `carriers.wording`).
"""

from ...tracking.statuses import ShipmentStatus as S
from ..wording import WordingRules

OPERATION_STATUSES: dict[str, S] = {
    "NOP": S.INFO_RECEIVED,  # İşlem görmemiş: the branch has not processed the parcel yet
    "IND": S.IN_TRANSIT,  # Kargo teslimattadır: on its way
    "ISR": S.INFO_RECEIVED,  # İşlem görmüş, faturası düzenlenmemiş
    "CNL": S.EXCEPTION,  # Kargo çıkışı engellendi
    "ISC": S.EXCEPTION,  # Kargo iptal edilmiş
    "DLV": S.DELIVERED,  # Teslim edildi
    "BI": S.EXCEPTION,  # Fatura şube tarafından iptal edildi
}

EVENT_WORDING = WordingRules(
    rules=(
        (r"teslim edilemedi|adreste bulunamadi|alici yok|teslimat gerceklesmedi", S.FAILED_ATTEMPT),
        (r"teslim edildi|teslim alindi", S.DELIVERED),
        (r"dagitima cikar|dagitimda|kuryeye verildi|teslimata cikti", S.OUT_FOR_DELIVERY),
        (r"subede bekli|subeden teslim", S.AVAILABLE_FOR_PICKUP),
        (r"iade", S.RETURNING_TO_SENDER),
        (r"hasar|kayip|zarar", S.EXCEPTION),
        (r"gecik|ertelendi", S.DELAYED),
    ),
)
