"""Tests of SMS segment counting: GSM-7, the Turkish single shift table and UCS-2."""
import datetime
import unittest

from ..sms import retry, template
from ..sms.segments import (GSM7, GSM7_TR, POLICY_DEFAULT, POLICY_TURKISH_SHIFT, UCS2,
                            count_segments)


class TestSegments(unittest.TestCase):

    def test_plain_ascii_fits_160_then_153_per_part(self):
        self.assertEqual(count_segments("a" * 160), (GSM7, 160, 1))
        self.assertEqual(count_segments("a" * 161), (GSM7, 161, 2))
        self.assertEqual(count_segments("a" * 306), (GSM7, 306, 2))
        self.assertEqual(count_segments("a" * 307), (GSM7, 307, 3))

    def test_empty_text_costs_nothing(self):
        self.assertEqual(count_segments(""), (GSM7, 0, 0))

    def test_o_and_u_umlauts_are_in_the_default_alphabet(self):
        self.assertEqual(count_segments("Ödül ÜÇ ö ü")[0], GSM7)

    def test_extension_characters_take_two_septets(self):
        self.assertEqual(count_segments("€" * 80), (GSM7, 160, 1))
        self.assertEqual(count_segments("€" * 81), (GSM7, 162, 2))

    def test_escape_pairs_are_never_split_across_parts(self):
        # 152 plain + one € (2 septets) do not fit the 153 of the first part.
        self.assertEqual(count_segments("a" * 152 + "€" + "a" * 10).segments, 2)
        self.assertEqual(count_segments("a" * 152 + "€" + "a" * 152).segments, 3)

    def test_turkish_letters_force_ucs2_without_the_shift_table(self):
        text = "Başvurunuz alındı"
        self.assertEqual(count_segments(text, POLICY_DEFAULT), (UCS2, 17, 1))
        self.assertEqual(count_segments("ş" * 70, POLICY_DEFAULT).segments, 1)
        self.assertEqual(count_segments("ş" * 71, POLICY_DEFAULT).segments, 2)
        self.assertEqual(count_segments("ş" * 135, POLICY_DEFAULT).segments, 3)

    def test_turkish_shift_table_counts_two_septets_per_letter(self):
        text = "Başvurunuz alındı"  # ş, ı, ı: 2 septets each
        self.assertEqual(count_segments(text, POLICY_TURKISH_SHIFT), (GSM7_TR, 20, 1))
        self.assertEqual(count_segments("a" * 153 + "ğ", POLICY_TURKISH_SHIFT),
                         (GSM7_TR, 155, 1))
        self.assertEqual(count_segments("a" * 154 + "ğ", POLICY_TURKISH_SHIFT).segments, 2)
        self.assertEqual(count_segments("a" * 298 + "İ", POLICY_TURKISH_SHIFT).segments, 3)

    def test_turkish_shift_not_needed_for_plain_text(self):
        self.assertEqual(count_segments("a" * 160, POLICY_TURKISH_SHIFT), (GSM7, 160, 1))

    def test_characters_outside_both_tables_use_ucs2(self):
        self.assertEqual(count_segments("Привет ş", POLICY_TURKISH_SHIFT)[0], UCS2)
        # An emoji is a surrogate pair: two UTF-16 units.
        self.assertEqual(count_segments("🙂" * 35), (UCS2, 70, 1))
        self.assertEqual(count_segments("a" + "🙂" * 34 + "🙂").units, 71)


class TestRetry(unittest.TestCase):

    def test_exponential_backoff_with_ceiling(self):
        delays = [retry.backoff_delay(n, base=60, cap=600).total_seconds() for n in range(6)]
        self.assertEqual(delays, [0, 60, 120, 240, 480, 600])

    def test_default_is_a_timedelta(self):
        self.assertIsInstance(retry.backoff_delay(3), datetime.timedelta)


class TestTemplate(unittest.TestCase):

    def test_placeholders_and_turkish_text(self):
        body = "Başvurunuz {number} alındı. Takip: {link}"
        self.assertEqual(template.render(body, {"number": "2026-000001", "link": "https://x/y"}),
                         "Başvurunuz 2026-000001 alındı. Takip: https://x/y")

    def test_unknown_and_unsafe_placeholders_stay_visible(self):
        self.assertEqual(template.render("{nmber} {number.__class__}", {"number": "1"}),
                         "{nmber} {number.__class__}")

    def test_malformed_body_raises_value_error(self):
        with self.assertRaises(ValueError):
            template.render("Başvuru {number", {"number": "1"})

    def test_shorten_cuts_at_a_word(self):
        self.assertEqual(template.shorten("Çukur   kapatıldı, teşekkürler", 100),
                         "Çukur kapatıldı, teşekkürler")
        self.assertEqual(template.shorten("Çukur kapatıldı teşekkürler", 20), "Çukur kapatıldı…")
