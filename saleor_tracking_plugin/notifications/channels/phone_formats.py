"""The number format each SMS provider documents, from the E.164 number Saleor stores
(pure: no Django). Sources, recorded in tests/unit/fixtures/sms_number_formats.json:

- Twilio: E.164 with the leading '+', e.g. +905321234567 (Messages resource, `To`).
- Netgsm REST v2 `/sms/rest/v2/send`: `messages[].no` matches ^[0-9]{10}$, i.e. a Turkish
  mobile number without country code or leading zero (Netgsm's OpenAPI description in its
  official client, github.com/netgsm/netgsm-sms-js, openapi.json).
- İleti Merkezi `/v1/send-sms/json`: `receipents.number[]` "accepts 905XXXXXXXXX,
  +905XXXXXXXXX, 5XXXXXXXXX"; its examples use 5XXXXXXXXX
  (iletimerkezi.com/en/docs/api/send-sms). Both are Turkish-only APIs.
"""

import re

E164 = re.compile(r"\+[1-9]\d{6,14}")
TURKISH_MOBILE = re.compile(r"\+90(5\d{9})")


class UnsupportedNumber(ValueError):
    """The provider cannot send to this number; the message says which numbers it takes."""


def twilio_number(e164: str) -> str:
    """+905321234567 as is: Twilio takes E.164 with its '+'."""
    if not E164.fullmatch(e164):
        raise UnsupportedNumber(f"{e164!r} is not an E.164 number (+ and country code)")
    return e164


def turkish_mobile_digits(e164: str, provider: str) -> str:
    """+905321234567 -> 5321234567, the 10 digits Netgsm and İleti Merkezi document."""
    match = TURKISH_MOBILE.fullmatch(e164)
    if match is None:
        raise UnsupportedNumber(
            f"{provider} sends to Turkish mobile numbers (+90 5xx xxx xx xx) only, not {e164!r}"
        )
    return match.group(1)
