"""Tests of phone normalization: numbers as citizens type them."""
import unittest

from ..exceptions import InvalidPhone
import random

from ..phone import format_national, is_mobile, lookup_key, normalize_phone

MOBILE = '+905321234567'
LANDLINE = '+902165551212'


class TestNormalizePhone(unittest.TestCase):

    def test_turkish_numbers_as_typed(self):
        cases = [
            ('0532 123 45 67', MOBILE),
            ('+90 (216) 555 12 12', LANDLINE),
            ('5321234567', MOBILE),
            ('0 (532) 123-45-67', MOBILE),
            ('90 532 123 45 67', MOBILE),
            ('0090 532 123 45 67', MOBILE),
            ('0216 555 12 12', LANDLINE),
            ('  0532 123 45 67  ', MOBILE),
        ]
        for raw, expected in cases:
            with self.subTest(raw=raw):
                self.assertEqual(normalize_phone(raw), expected)

    def test_foreign_numbers(self):
        self.assertEqual(normalize_phone('+49 30 12345678'), '+493012345678')
        self.assertEqual(normalize_phone('+44 7911 123456'), '+447911123456')
        self.assertEqual(normalize_phone('+1 650 253 0000'), '+16502530000')

    def test_other_default_region(self):
        self.assertEqual(normalize_phone('030 12345678', region='DE'), '+493012345678')

    def test_empty(self):
        for raw in (None, '', '   ', False):
            with self.subTest(raw=raw):
                self.assertIsNone(normalize_phone(raw))

    def test_invalid_numbers_quote_the_input(self):
        for raw in ('0532 123 45', '123', 'abc', '0532 ABC 45 67', '0532-123-45-67-8', '+90'):
            with self.subTest(raw=raw):
                with self.assertRaises(InvalidPhone) as ctx:
                    normalize_phone(raw)
                self.assertIn('"%s"' % raw, str(ctx.exception))

    def test_length_messages(self):
        with self.assertRaises(InvalidPhone) as ctx:
            normalize_phone('0532 123 45')
        self.assertIn('wrong number of digits', str(ctx.exception))
        self.assertEqual(ctx.exception.params, {'raw': '0532 123 45'})
        with self.assertRaises(InvalidPhone) as ctx:
            normalize_phone('123')
        self.assertIn('too short', str(ctx.exception))

    def test_letters_message(self):
        with self.assertRaises(InvalidPhone) as ctx:
            normalize_phone('0532 ABC 45 67')
        self.assertIn('letters', str(ctx.exception))


class TestIsMobile(unittest.TestCase):

    def test_mobile(self):
        self.assertTrue(is_mobile(MOBILE))
        self.assertTrue(is_mobile('+447911123456'))

    def test_not_mobile(self):
        self.assertFalse(is_mobile(LANDLINE))
        self.assertFalse(is_mobile('+493012345678'))
        self.assertFalse(is_mobile(None))
        self.assertFalse(is_mobile(''))

    def test_invalid(self):
        with self.assertRaises(InvalidPhone):
            is_mobile('123')


class TestFormatNational(unittest.TestCase):

    def test_turkish(self):
        self.assertEqual(format_national(MOBILE), '0532 123 45 67')
        self.assertEqual(format_national(LANDLINE), '(0216) 555 12 12')

    def test_foreign_keeps_country_code(self):
        self.assertEqual(format_national('+493012345678'), '+49 30 12345678')

    def test_empty(self):
        self.assertEqual(format_national(None), '')
        self.assertEqual(format_national(''), '')


class TestLookupKey(unittest.TestCase):
    """The look-up form: what normalize_phone gives for every number it accepts, without
    the parser for the usual Turkish shapes, and nothing stored for any other input."""

    def test_same_as_normalize_for_valid_numbers(self):
        typed = ['0532 123 45 67', '+90 (216) 555 12 12', '5321234567', '0 (532) 123-45-67',
                 '90 532 123 45 67', '0090 532 123 45 67', '0216 555 12 12', '+905321234567',
                 '  0532 123 45 67  ', '0532.123.45.67', '0532/1234567', '+49 30 12345678',
                 '+44 7911 123456']
        rnd = random.Random(15)
        for _i in range(300):   # mobiles and İstanbul landlines as agents type them
            digits = rnd.choice(['53', '54', '55', '50', '216', '212']) + ''.join(
                rnd.choice('0123456789') for _j in range(8))
            digits = digits[:10]
            typed += ['0' + digits, '+90' + digits, '0%s %s %s %s' % (
                digits[:3], digits[3:6], digits[6:8], digits[8:])]
        for raw in typed:
            try:
                expected = normalize_phone(raw)
            except InvalidPhone:
                expected = None
            key = lookup_key(raw)
            with self.subTest(raw=raw):
                if expected:
                    self.assertEqual(key, expected)
                elif key:   # a shape taken without the parser: no valid number has it
                    with self.assertRaises(InvalidPhone):
                        normalize_phone(key)

    def test_no_key(self):
        for raw in (None, '', '   ', 'abc', '0532 ABC 45 67', '123', '+'):
            with self.subTest(raw=raw):
                self.assertIsNone(lookup_key(raw))
