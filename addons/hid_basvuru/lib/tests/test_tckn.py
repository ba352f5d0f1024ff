"""Tests of T.C. Kimlik No. validation and masking."""
import unittest

from stdnum.tr import tckimlik

from ..exceptions import InvalidTCKN
from ..tckn import mask_tckn, normalize_tckn

# Check digits computed with stdnum, not guessed (asserted in test_fixtures_are_valid).
VALID = ('10000000146', '12345678950', '17291716060', '98765432150')


class TestNormalizeTckn(unittest.TestCase):

    def test_fixtures_are_valid(self):
        for number in VALID:
            self.assertEqual(number[-2:], tckimlik.calc_check_digits(number))

    def test_valid(self):
        for number in VALID:
            with self.subTest(number=number):
                self.assertEqual(normalize_tckn(number), number)

    def test_separators_and_spaces(self):
        self.assertEqual(normalize_tckn(' 10000000146 '), '10000000146')
        self.assertEqual(normalize_tckn('100 000 001 46'), '10000000146')
        self.assertEqual(normalize_tckn('100-000-001-46'), '10000000146')

    def test_empty(self):
        for raw in (None, '', '  ', False):
            with self.subTest(raw=raw):
                self.assertIsNone(normalize_tckn(raw))

    def test_wrong_length(self):
        for raw in ('1000000014', '100000001460'):
            with self.assertRaises(InvalidTCKN) as ctx:
                normalize_tckn(raw)
            self.assertIn('11 digits', str(ctx.exception))

    def test_wrong_checksum(self):
        with self.assertRaises(InvalidTCKN) as ctx:
            normalize_tckn('10000000147')
        self.assertIn('check digits', str(ctx.exception))

    def test_starts_with_zero(self):
        with self.assertRaises(InvalidTCKN) as ctx:
            normalize_tckn('01234567890')
        self.assertIn('cannot start with 0', str(ctx.exception))

    def test_letters(self):
        with self.assertRaises(InvalidTCKN) as ctx:
            normalize_tckn('1000000014a')
        self.assertIn('only digits', str(ctx.exception))

    def test_message_does_not_disclose_number(self):
        with self.assertRaises(InvalidTCKN) as ctx:
            normalize_tckn('10000000147')
        self.assertNotIn('10000000147', str(ctx.exception))


class TestMaskTckn(unittest.TestCase):

    def test_mask(self):
        self.assertEqual(mask_tckn('12345678950'), '123******50')

    def test_empty(self):
        self.assertEqual(mask_tckn(None), '')
        self.assertEqual(mask_tckn(''), '')
        self.assertEqual(mask_tckn(False), '')

    def test_short_value_fully_masked(self):
        self.assertEqual(mask_tckn('12345'), '*****')


def test_may_be_tckn_never_refuses_a_valid_number():
    """may_be_tckn is only a shortcut: whatever normalize_tckn accepts, it lets through."""
    import random

    from ..tckn import may_be_tckn, normalize_tckn
    from ..exceptions import InvalidTCKN
    rnd = random.Random(15)
    typed = ['10000000146', '100 000 001 46', '100-000-001-46', '100.000.001.46',
             ' 10000000146 ', '\t10000000146\n',
             '00000000146', '1000000014', '100000001466', 'abc', '', None, '0532 123 45 67']
    typed += [''.join(rnd.choice('0123456789') for _i in range(11)) for _j in range(3000)]
    for raw in typed:
        try:
            valid = bool(normalize_tckn(raw))
        except InvalidTCKN:
            valid = False
        if valid:
            assert may_be_tckn(raw), raw
    assert may_be_tckn('10000000146') and not may_be_tckn('0532 123 45 67')
