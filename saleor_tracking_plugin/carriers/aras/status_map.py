"""Aras Kargo statuses in our vocabulary.

`DURUM_KODU` of Aras's query service (Aras "Müşteri Entegrasyon Servisleri" guide):
1 çıkış şubesinde, 2 yolda, 3 teslimat şubesinde, 4 dağıtımda, 5 parçalı teslimat,
6 teslim edildi, 7 yönlendirildi. Codes Aras adds later fall back to the event wording.
"""

from ...tracking.statuses import ShipmentStatus as S
from ..wording import WordingRules

STATUS_CODES: dict[str, S] = {
    "1": S.IN_TRANSIT,
    "2": S.IN_TRANSIT,
    "3": S.IN_TRANSIT,
    "4": S.OUT_FOR_DELIVERY,
    "5": S.IN_TRANSIT,
    "6": S.DELIVERED,
    "7": S.IN_TRANSIT,
}

EVENT_WORDING = WordingRules(
    rules=(
        (r"teslim edilemedi|adreste bulunamadi|alici yok", S.FAILED_ATTEMPT),
        (r"teslim edildi", S.DELIVERED),
        (r"dagitim|teslimatta|kuryede", S.OUT_FOR_DELIVERY),
        (r"subede bekli|alici tarafindan alinacak", S.AVAILABLE_FOR_PICKUP),
        (r"iade", S.RETURNING_TO_SENDER),
        (r"hasar|kayip", S.EXCEPTION),
    ),
)
