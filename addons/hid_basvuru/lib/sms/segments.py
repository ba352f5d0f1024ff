"""How many SMS parts a text costs: GSM 03.38 (3GPP TS 23.038) 7-bit or UCS-2.

Turkish letters ğ, ı, ş, İ, Ğ, Ş and ç are not in the GSM default alphabet. Sent plainly
they force UCS-2 (70 characters per SMS instead of 160). 3GPP TS 23.038 Annex A.2.1 adds a
Turkish *national language single shift table*: these letters become an escape + code (two
septets each), and every part carries a 3-octet user data header announcing the table,
so a single SMS holds 155 septets and each part of a long one 149.
Netgsm sends Turkish text that way when asked (``encoding: "TR"``); see adapters.
"""
import collections

GSM7 = "gsm7"
GSM7_TR = "gsm7_tr"
UCS2 = "ucs2"

# Policies: what a provider can do with text outside the default alphabet.
POLICY_DEFAULT = "default"          # default alphabet + extension table, else UCS-2
POLICY_TURKISH_SHIFT = "turkish"    # ...also the Turkish single shift table

# 3GPP TS 23.038 6.2.1 default alphabet (one septet each).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
# 6.2.1.1 default extension table (escape + code: two septets each).
GSM7_EXTENSION = frozenset("\f^{}\\[]~|€")
# Annex A.2.1 Turkish single shift table (escape + code: two septets each).
TURKISH_SHIFT = frozenset("\f^{}\\[]~|€ĞİŞçğış")

# Capacity in units (septets or UTF-16 code units) of one SMS and of each part of a long one.
_CAPACITY = {
    GSM7: (160, 153),       # concatenation header: 6 octets
    GSM7_TR: (155, 149),    # + national language identifier: 3 octets
    UCS2: (70, 67),
}

SegmentInfo = collections.namedtuple("SegmentInfo", "encoding units segments")


def _costs(text, policy):
    """Encoding and the per-character cost in units, for the cheapest encoding allowed."""
    chars = set(text)
    if chars <= GSM7_BASIC | GSM7_EXTENSION:
        return GSM7, [1 if ch in GSM7_BASIC else 2 for ch in text]
    if policy == POLICY_TURKISH_SHIFT and chars <= GSM7_BASIC | TURKISH_SHIFT:
        return GSM7_TR, [1 if ch in GSM7_BASIC else 2 for ch in text]
    # UTF-16 code units: a character outside the BMP (emoji) takes two.
    return UCS2, [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def _pack(costs, capacity):
    """Parts needed when characters are never split across parts (escape pairs, surrogates)."""
    parts, used = 1, 0
    for cost in costs:
        if used + cost > capacity:
            parts, used = parts + 1, 0
        used += cost
    return parts


def count_segments(text, policy=POLICY_DEFAULT):
    """Encoding, units and the number of SMS parts the provider will bill for `text`."""
    text = text or ""
    encoding, costs = _costs(text, policy)
    units = sum(costs)
    single, multi = _CAPACITY[encoding]
    if units <= single:
        return SegmentInfo(encoding, units, 1 if units else 0)
    return SegmentInfo(encoding, units, _pack(costs, multi))
