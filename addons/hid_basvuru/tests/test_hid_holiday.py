# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger

from .common import new_user

G = "hid_basvuru.group_hid_%s"
# December 2026: Wed 30, Thu 31; Fri 1 Jan 2027 is Yılbaşı; Sat 26 and Sun 27 a weekend.
WED_30, THU_31, FRI_25, SAT_26 = "2026-12-30", "2026-12-31", "2026-12-25", "2026-12-26"
CUMHURIYET = "2026-10-29"  # Thursday, a public holiday


class TestHidHoliday(SavepointCase):
    """Staff-added days change the iş günü calendar the deadlines are counted on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Holiday = cls.env["hid.holiday"]
        cls.staff = new_user(cls.env, "t.holiday.staff", [G % "staff"])
        cls.director = new_user(cls.env, "t.holiday.director", [G % "director"])
        cls.agent = new_user(cls.env, "t.holiday.agent", [G % "agent"])
        cls.fen_user = new_user(cls.env, "t.holiday.fen", [G % "mudurluk_user"])

    def _add(self, day, kind="holiday", name="İdari izin"):
        return self.Holiday.create({"date": day, "name": name, "kind": kind})

    # Calendar ----------------------------------------------------------------------------

    def test_added_holiday_is_skipped(self):
        self.assertEqual(self.Holiday._work_calendar().add_workdays(date(2026, 12, 30), 1),
                         date(2026, 12, 31), "without the entry 31 Dec is a working day")
        self._add(THU_31)
        cal = self.Holiday._work_calendar()
        self.assertFalse(cal.is_workday(date(2026, 12, 31)))
        self.assertEqual(cal.add_workdays(date(2026, 12, 30), 1), date(2027, 1, 4),
                         "31 Dec idari izin, 1 Jan Yılbaşı, then the weekend: Monday 4 Jan")

    def test_added_saturday_workday_counts(self):
        self.assertEqual(self.Holiday._work_calendar().add_workdays(date(2026, 12, 25), 1),
                         date(2026, 12, 28))
        self._add(SAT_26, kind="workday", name="Telafi çalışması")
        cal = self.Holiday._work_calendar()
        self.assertTrue(cal.is_workday(date(2026, 12, 26)))
        self.assertEqual(cal.add_workdays(date(2026, 12, 25), 1), date(2026, 12, 26),
                         "the compensating Saturday is the next working day")
        self.assertEqual(cal.workdays_between(date(2026, 12, 25), date(2026, 12, 28)), 2)

    def test_archived_entry_ignored(self):
        self._add(THU_31).active = False
        self.assertTrue(self.Holiday._work_calendar().is_workday(date(2026, 12, 31)),
                        "an archived idari izin no longer closes the offices")

    def test_public_holiday_may_be_declared_workday(self):
        self._add(CUMHURIYET, kind="workday", name="Nöbetçi çalışma")
        self.assertTrue(self.Holiday._work_calendar().is_workday(date(2026, 10, 29)))

    def test_calendar_for_every_role(self):
        """A deadline does not depend on who computes it."""
        self._add(THU_31)
        for user in (self.fen_user, self.agent):
            cal = self.Holiday.sudo(user)._work_calendar()
            self.assertFalse(cal.is_workday(date(2026, 12, 31)), user.login)

    # Validation --------------------------------------------------------------------------

    def test_holiday_on_weekend_refused(self):
        with self.assertRaisesRegex(ValidationError, "already a non-working day"):
            self._add(SAT_26)

    def test_holiday_on_public_holiday_refused(self):
        with self.assertRaisesRegex(ValidationError, "already a non-working day"):
            self._add(CUMHURIYET)

    def test_workday_on_working_day_refused(self):
        with self.assertRaisesRegex(ValidationError, "already a working day"):
            self._add(WED_30, kind="workday")

    def test_changing_kind_is_checked(self):
        entry = self._add(THU_31)
        with self.assertRaisesRegex(ValidationError, "already a working day"):
            entry.kind = "workday"

    def test_moving_date_is_checked(self):
        entry = self._add(THU_31)
        with self.assertRaisesRegex(ValidationError, "already a non-working day"):
            entry.date = SAT_26

    def test_one_entry_per_date(self):
        self._add(THU_31)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self._add(THU_31, name="Again")

    # Access ------------------------------------------------------------------------------

    def test_mudurluk_user_and_agent_read_only(self):
        entry = self._add(THU_31)
        for user in (self.fen_user, self.agent):
            self.assertEqual(entry.sudo(user).read(["name"])[0]["name"], "İdari izin")
            with self.assertRaises(AccessError, msg="%s may not add days" % user.login):
                self.Holiday.sudo(user).create({"date": WED_30, "name": "x"})
            with self.assertRaises(AccessError):
                entry.sudo(user).write({"name": "x"})
            with self.assertRaises(AccessError):
                entry.sudo(user).unlink()

    def test_staff_and_director_manage(self):
        for user, day in ((self.staff, WED_30), (self.director, THU_31)):
            entry = self.Holiday.sudo(user).create({"date": day, "name": "İdari izin"})
            entry.write({"name": "İdari izin (genelge)"})
            self.assertEqual(entry.name, "İdari izin (genelge)")
            entry.unlink()
            self.assertFalse(entry.exists(), "%s may remove a day" % user.login)
