"""Tests of the search rules (tracking number, Istanbul day, periods) and the map rules."""
import datetime
import unittest

import pytz

from ..geo import has_point, in_sancaktepe, parse_bbox
from ..search import local_day, looks_like_number, period

IST = pytz.timezone("Europe/Istanbul")
D = datetime.date


class TestSearch(unittest.TestCase):

    def test_tracking_number(self):
        self.assertTrue(looks_like_number("2026-000123"))
        self.assertTrue(looks_like_number(" 2026-9 "))
        self.assertFalse(looks_like_number("0532 123 45 67"))
        self.assertFalse(looks_like_number("Ahmet"))

    def test_istanbul_day(self):
        # 21:00 UTC is midnight in Istanbul (UTC+3 all year)
        self.assertEqual(local_day("2026-12-31 20:59:59", IST), D(2026, 12, 31))
        self.assertEqual(local_day("2026-12-31 21:00:00", IST), D(2027, 1, 1))
        self.assertEqual(local_day(datetime.datetime(2026, 6, 30, 21, 0), IST), D(2026, 7, 1))

    def test_periods_on_boundaries(self):
        monday, sunday = D(2026, 11, 30), D(2026, 12, 6)
        self.assertEqual(period("week", monday), (monday, sunday))
        self.assertEqual(period("week", sunday), (monday, sunday))
        self.assertEqual(period("month", D(2026, 12, 31)), (D(2026, 12, 1), D(2026, 12, 31)))
        self.assertEqual(period("month", D(2028, 2, 1)), (D(2028, 2, 1), D(2028, 2, 29)))
        self.assertEqual(period("year", D(2027, 1, 1)), (D(2027, 1, 1), D(2027, 12, 31)))
        self.assertEqual(period("today", D(2027, 1, 1)), (D(2027, 1, 1), D(2027, 1, 1)))
        with self.assertRaises(ValueError):
            period("decade", monday)


class TestGeo(unittest.TestCase):

    def test_point(self):
        self.assertFalse(has_point(0.0, 0.0))
        self.assertTrue(has_point(41.0, 29.2))
        self.assertTrue(in_sancaktepe(41.0008, 29.2310))
        self.assertFalse(in_sancaktepe(41.0082, 28.9784))  # Sultanahmet

    def test_bbox(self):
        self.assertEqual(parse_bbox([41.1, 29.3, 40.9, 29.1]), (40.9, 29.1, 41.1, 29.3))
        self.assertEqual(parse_bbox(["-100", -200, 100, 200]), (-90.0, -180.0, 90.0, 180.0))
        for bad in (None, [1, 2, 3], [1, 2, 3, "x"], [float("nan"), 0, 1, 1], "1,2,3,4"):
            with self.subTest(bad=bad):
                with self.assertRaises((ValueError, TypeError)):
                    parse_bbox(bad)
