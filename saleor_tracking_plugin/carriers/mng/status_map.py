"""MNG Kargo (DHL eCommerce Türkiye) event wording in our vocabulary.

`trackshipment` of MNG's Standard Query API names each event in Turkish (`eventStatus`) and
English (`eventStatusEn`); both are matched after folding.
"""

from ...tracking.statuses import ShipmentStatus as S
from ..wording import WordingRules

EVENT_WORDING = WordingRules(
    rules=(
        (r"teslim edilemedi|not delivered|undeliver|delivery attempt", S.FAILED_ATTEMPT),
        (r"teslim edildi|\bdelivered\b", S.DELIVERED),
        (r"dagitim|out for delivery|on delivery", S.OUT_FOR_DELIVERY),
        (r"subede teslim alinmayi|ready for pick ?up|awaiting pick ?up", S.AVAILABLE_FOR_PICKUP),
        (r"iade|return", S.RETURNING_TO_SENDER),
        (r"hasar|kayip|damaged|lost", S.EXCEPTION),
        (r"gecik|delay", S.DELAYED),
        (r"siparis olusturuldu|order created|barkod", S.INFO_RECEIVED),
    ),
)
