"""T.C. Kimlik No. validation and masking with `stdnum.tr.tckimlik`.

Error messages deliberately do not repeat the number (personal data, KVKK),
since they may end up in logs.
"""
import re

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.tr import tckimlik
from stdnum.util import clean, isdigits

from .exceptions import InvalidTCKN

# stdnum's compact() keeps inner spaces; people type "123 456 789 50" or with dashes/dots.
SEPARATORS = ' -.'
VISIBLE_HEAD = 3
VISIBLE_TAIL = 2


_TCKN_SHAPE = re.compile(r"[1-9][0-9]{10}")
_TCKN_SEPARATORS = re.compile(r"[ \-.]")


def may_be_tckn(raw):
    """False when normalize_tckn(raw) would surely refuse `raw` (not 11 digits, or a
    leading 0, once the separators are gone): a cheap test before the full check."""
    return bool(raw) and bool(_TCKN_SHAPE.fullmatch(_TCKN_SEPARATORS.sub("", str(raw)).strip()))


def normalize_tckn(raw):
    """The validated 11-digit string, or None when empty; InvalidTCKN says what is wrong."""
    if not raw:
        return None
    number = tckimlik.compact(clean(str(raw), SEPARATORS))
    if not number:
        return None
    try:
        return tckimlik.validate(number)
    except InvalidLength:
        raise InvalidTCKN('The T.C. identity number must have 11 digits.') from None
    except InvalidChecksum:
        raise InvalidTCKN('The T.C. identity number is not valid: '
                          'its check digits do not match.') from None
    except InvalidFormat:
        if isdigits(number):
            raise InvalidTCKN('The T.C. identity number cannot start with 0.') from None
        raise InvalidTCKN('The T.C. identity number must contain only digits.') from None
    except ValidationError:
        raise InvalidTCKN('The T.C. identity number is not valid.') from None


def mask_tckn(tckn):
    """'12345678950' -> '123******50': enough to recognise a number without disclosing it."""
    if not tckn:
        return ''
    text = str(tckn).strip()
    hidden = len(text) - VISIBLE_HEAD - VISIBLE_TAIL
    if hidden <= 0:
        return '*' * len(text)
    return text[:VISIBLE_HEAD] + '*' * hidden + text[-VISIBLE_TAIL:]
