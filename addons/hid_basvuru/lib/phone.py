"""Phone numbers as citizens type them, normalized to E.164 with `phonenumbers`."""
import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from .exceptions import InvalidPhone

DEFAULT_REGION = 'TR'

# Whole sentences (not fragments) so that each one can be translated on its own.
MSG_INVALID = '"%(raw)s" is not a valid phone number.'
MSG_LETTERS = '"%(raw)s" is not a valid phone number: letters are not allowed.'
_LENGTH_MESSAGES = {
    phonenumbers.ValidationResult.TOO_SHORT: '"%(raw)s" is not a valid phone number: too short.',
    phonenumbers.ValidationResult.TOO_LONG: '"%(raw)s" is not a valid phone number: too long.',
    phonenumbers.ValidationResult.INVALID_LENGTH:
        '"%(raw)s" is not a valid phone number: wrong number of digits.',
}


def _invalid(raw, message=MSG_INVALID):
    """Build the error quoting the input, so the user sees which value is wrong."""
    return InvalidPhone(message, raw=raw)


def _parse(raw, region):
    """Parse and validate `raw`; numbers without +country code are read as `region` numbers."""
    text = str(raw).strip()
    if any(ch.isalpha() for ch in text):
        # phonenumbers would read letters as a vanity number (ABC -> 222); citizens never mean that.
        raise _invalid(raw, MSG_LETTERS)
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        raise _invalid(raw) from None
    if not phonenumbers.is_valid_number(number):
        reason = phonenumbers.is_possible_number_with_reason(number)
        raise _invalid(raw, _LENGTH_MESSAGES.get(reason, MSG_INVALID))
    return number


def normalize_phone(raw, region=DEFAULT_REGION):
    """E.164 form ('+905321234567') of a typed number, so one citizen has one stored value."""
    if not raw or not str(raw).strip():
        return None
    number = _parse(raw, region)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


# The shapes a Turkish number is usually typed or stored in, once the separators are gone:
# +90 and ten digits (E.164), or the ten digits with or without the trunk 0.
_SEPARATORS = re.compile(r"[\s().\-/]")
_TR_E164 = re.compile(r"\+90[1-9][0-9]{9}")
_TR_NATIONAL = re.compile(r"0?([1-9][0-9]{9})")


def lookup_key(raw, region=DEFAULT_REGION):
    """The E.164 value to look stored numbers up with, or None; never raises.

    Only valid numbers are ever stored (normalize_phone), so a look-up needs no validation:
    a typed Turkish number in its usual shapes ("0532 123 45 67", "+90 532 1234567",
    "5321234567") becomes "+90" and its ten digits without running the parser, and what
    that gives for an invalid number matches nothing stored, as the parser's refusal would.
    Any other input (other countries, letters, odd prefixes) goes through normalize_phone.
    """
    if not raw:
        return None
    text = _SEPARATORS.sub("", str(raw))
    if region == DEFAULT_REGION:
        if _TR_E164.fullmatch(text):
            return text
        national = _TR_NATIONAL.fullmatch(text)
        if national:
            return "+90" + national.group(1)
    try:
        return normalize_phone(raw, region)
    except InvalidPhone:
        return None


def is_mobile(number, region=DEFAULT_REGION):
    """True for mobile numbers only, because SMS can only be sent to mobiles.

    FIXED_LINE_OR_MOBILE numbers (e.g. USA/Canada) are not treated as mobile.
    """
    if not number:
        return False
    return phonenumbers.number_type(_parse(number, region)) == PhoneNumberType.MOBILE


def format_national(number, region=DEFAULT_REGION):
    """Display form: national format ('0532 123 45 67') at home, international abroad."""
    if not number:
        return ''
    parsed = _parse(number, region)
    if parsed.country_code == phonenumbers.country_code_for_region(region):
        return phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL)
