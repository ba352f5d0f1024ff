"""Tests of the Turkish working-day calendar (dates checked against holidays 0.27.1)."""
import ast
import os
import unittest
from datetime import date, datetime

from ..exceptions import DeadlineError
from ..workdays import WorkCalendar, public_holidays

LIB_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class TestPublicHolidays(unittest.TestCase):

    def test_ramazan_bayrami_2025(self):
        """30 Mar (Sun) - 1 Apr 2025 (Tue); arife 29 Mar is a Saturday anyway."""
        cal = WorkCalendar()
        for d in (date(2025, 3, 30), date(2025, 3, 31), date(2025, 4, 1)):
            self.assertIn(d, public_holidays(2025))
            self.assertFalse(cal.is_workday(d))
        self.assertTrue(cal.is_workday(date(2025, 3, 28)))
        self.assertTrue(cal.is_workday(date(2025, 4, 2)))

    def test_kurban_bayrami_2025(self):
        """6 Jun (Fri) - 9 Jun 2025 (Mon); arife 5 Jun (Thu) is a half day, counted as working."""
        cal = WorkCalendar()
        for day in (6, 7, 8, 9):
            self.assertIn(date(2025, 6, day), public_holidays(2025))
        self.assertFalse(cal.is_workday(date(2025, 6, 6)))
        self.assertFalse(cal.is_workday(date(2025, 6, 9)))
        self.assertTrue(cal.is_workday(date(2025, 6, 5)))
        self.assertTrue(cal.is_workday(date(2025, 6, 10)))

    def test_ramazan_bayrami_2026(self):
        """20 Mar (Fri) - 22 Mar 2026 (Sun); arife 19 Mar (Thu) is a working day."""
        cal = WorkCalendar()
        for day in (20, 21, 22):
            self.assertIn(date(2026, 3, day), public_holidays(2026))
        self.assertFalse(cal.is_workday(date(2026, 3, 20)))
        self.assertTrue(cal.is_workday(date(2026, 3, 19)))
        self.assertTrue(cal.is_workday(date(2026, 3, 23)))

    def test_kurban_bayrami_2026(self):
        """27 May (Wed) - 30 May 2026 (Sat); arife 26 May (Tue) is a working day."""
        cal = WorkCalendar()
        for day in (27, 28, 29, 30):
            self.assertIn(date(2026, 5, day), public_holidays(2026))
        for day in (27, 28, 29):
            self.assertFalse(cal.is_workday(date(2026, 5, day)))
        self.assertTrue(cal.is_workday(date(2026, 5, 26)))
        self.assertTrue(cal.is_workday(date(2026, 6, 1)))

    def test_national_days(self):
        """1 Ocak, 23 Nisan, 1 Mayıs, 19 Mayıs, 15 Temmuz, 30 Ağustos, 29 Ekim on weekdays."""
        cal = WorkCalendar()
        for d in (date(2026, 1, 1), date(2025, 4, 23), date(2025, 5, 1), date(2025, 5, 19),
                  date(2025, 7, 15), date(2024, 8, 30), date(2025, 10, 29)):
            self.assertFalse(cal.is_workday(d), d)
            self.assertLess(d.weekday(), 5, d)

    def test_28_ekim_half_day_is_workday(self):
        """holidays 0.27.1 does not return the 28 Ekim afternoon; it stays a working day."""
        self.assertTrue(WorkCalendar().is_workday(date(2025, 10, 28)))

    def test_weekend(self):
        cal = WorkCalendar()
        self.assertFalse(cal.is_workday(date(2025, 3, 1)))
        self.assertFalse(cal.is_workday(date(2025, 3, 2)))
        self.assertTrue(cal.is_workday(date(2025, 3, 3)))

    def test_holiday_set_is_cached(self):
        self.assertIs(public_holidays(2025), public_holidays(2025))


class TestWorkCalendar(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.cal = WorkCalendar()

    def test_add_workdays_year_end(self):
        """15 iş günü from Wed 24 Dec 2025 skips 1 Jan 2026 and the weekends."""
        self.assertEqual(self.cal.add_workdays(date(2025, 12, 24), 15), date(2026, 1, 15))

    def test_add_workdays_accepts_datetime(self):
        self.assertEqual(self.cal.add_workdays(datetime(2025, 12, 24, 16, 30), 15),
                         date(2026, 1, 15))

    def test_add_workdays_over_ramazan_2025(self):
        self.assertEqual(self.cal.add_workdays(date(2025, 3, 27), 3), date(2025, 4, 3))

    def test_add_workdays_over_kurban_2026(self):
        self.assertEqual(self.cal.add_workdays(date(2026, 5, 25), 2), date(2026, 6, 1))

    def test_add_workdays_is_strictly_after_start(self):
        self.assertEqual(self.cal.add_workdays(date(2025, 3, 3), 1), date(2025, 3, 4))
        self.assertEqual(self.cal.add_workdays(date(2025, 3, 1), 1), date(2025, 3, 3))
        self.assertEqual(self.cal.add_workdays(date(2025, 3, 1), 0), date(2025, 3, 1))

    def test_add_workdays_rejects_bad_n(self):
        for n in (-1, 1.5, '3', None, True):
            with self.assertRaises(DeadlineError):
                self.cal.add_workdays(date(2025, 3, 3), n)

    def test_rejects_non_dates(self):
        with self.assertRaises(DeadlineError):
            self.cal.is_workday('2025-03-03')
        with self.assertRaises(DeadlineError):
            self.cal.add_workdays(None, 1)

    def test_workdays_between(self):
        self.assertEqual(self.cal.workdays_between(date(2025, 12, 24), date(2026, 1, 15)), 15)
        self.assertEqual(self.cal.workdays_between(date(2025, 3, 28), date(2025, 4, 2)), 1)
        self.assertEqual(self.cal.workdays_between(date(2025, 3, 3), date(2025, 3, 3)), 0)
        self.assertEqual(self.cal.workdays_between(date(2026, 1, 15), date(2025, 12, 24)), 0)

    def test_next_workday(self):
        self.assertEqual(self.cal.next_workday(date(2025, 3, 29)), date(2025, 4, 2))
        self.assertEqual(self.cal.next_workday(date(2025, 4, 2)), date(2025, 4, 2))
        self.assertEqual(self.cal.next_workday(datetime(2025, 10, 29, 9, 0)), date(2025, 10, 30))

    def test_extra_holiday(self):
        """An idari izin on the Kurban 2025 arife turns 4 days of closure into 5."""
        cal = WorkCalendar(extra_holidays=[date(2025, 6, 5)])
        self.assertFalse(cal.is_workday(date(2025, 6, 5)))
        self.assertEqual(cal.add_workdays(date(2025, 6, 4), 1), date(2025, 6, 10))
        self.assertEqual(self.cal.add_workdays(date(2025, 6, 4), 1), date(2025, 6, 5))

    def test_extra_workday(self):
        """A Saturday worked to compensate an idari izin counts as a working day."""
        cal = WorkCalendar(extra_holidays=[date(2025, 6, 5)], extra_workdays=[date(2025, 6, 14)])
        self.assertTrue(cal.is_workday(date(2025, 6, 14)))
        self.assertEqual(cal.add_workdays(date(2025, 6, 13), 1), date(2025, 6, 14))
        self.assertEqual(cal.workdays_between(date(2025, 6, 13), date(2025, 6, 16)), 2)

    def test_extra_holiday_and_workday_conflict(self):
        with self.assertRaises(DeadlineError):
            WorkCalendar(extra_holidays=[date(2025, 6, 14)], extra_workdays=[date(2025, 6, 14)])


class TestNoOdooImport(unittest.TestCase):

    def test_library_does_not_import_odoo(self):
        """The rules library must stay importable without Odoo."""
        for name in os.listdir(LIB_DIR):
            if not name.endswith('.py'):
                continue
            with open(os.path.join(LIB_DIR, name), encoding='utf-8') as source:
                tree = ast.parse(source.read())
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    modules = [node.module or '']
                else:
                    continue
                for module in modules:
                    self.assertNotEqual(module.split('.')[0], 'odoo', name)
