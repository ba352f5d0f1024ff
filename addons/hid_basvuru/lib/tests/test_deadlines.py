"""Tests of the legal deadlines (3071, 4982, Açık Kapı, CİMER) and deadline states."""
import unittest
from datetime import date, datetime, timedelta

from ..deadlines import (
    ACIK_KAPI, CIMER, INTERNAL, LAW_3071, LAW_4982, can_extend, check_extension,
    LEGAL_SOON_DAYS, TARGET_SOON_DAYS, deadline_state, deadline_state_params, deadline_state_sql,
    internal_target, legal_basis_for, legal_deadline, state_thresholds)
from ..exceptions import DeadlineError
from ..workdays import WorkCalendar

RECEIVED = date(2025, 12, 24)        # Wed; 15th working day after it: Thu 15 Jan 2026
DAY_15 = date(2026, 1, 15)


class TestLegalBasis(unittest.TestCase):

    def test_mapping(self):
        cases = [
            (('web', 'bilgi_edinme'), LAW_4982),
            (('cimer', 'bilgi_edinme'), LAW_4982),
            (('acik_kapi', 'bilgi_edinme'), LAW_4982),
            (('cimer', 'sikayet'), CIMER),
            (('cimer', 'tesekkur'), CIMER),
            (('acik_kapi', 'talep'), ACIK_KAPI),
            (('web', 'tesekkur'), INTERNAL),
            (('telefon', 'sikayet'), LAW_3071),
            (('sahsen', 'talep'), LAW_3071),
            (('whatsapp', 'ihbar'), LAW_3071),
            (('eposta', 'oneri'), LAW_3071),
        ]
        for (channel, type_code), basis in cases:
            with self.subTest(channel=channel, type=type_code):
                self.assertEqual(legal_basis_for(channel, type_code), basis)


class TestLegalDeadline(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.cal = WorkCalendar()

    def deadline(self, basis, received, **kwargs):
        return legal_deadline(basis, received, self.cal, **kwargs)

    def test_3071_plain(self):
        self.assertEqual(self.deadline(LAW_3071, date(2025, 1, 6)), date(2025, 2, 5))

    def test_3071_sunday_moves_to_monday(self):
        """3 Jan 2025 + 30 days = Sun 2 Feb 2025 -> Mon 3 Feb 2025."""
        self.assertEqual(self.deadline(LAW_3071, date(2025, 1, 3)), date(2025, 2, 3))

    def test_3071_on_29_ekim_moves_to_next_day(self):
        self.assertEqual(self.deadline(LAW_3071, date(2025, 9, 29)), date(2025, 10, 30))

    def test_3071_on_ramazan_2026_moves_after_bayram(self):
        """18 Feb 2026 + 30 days = Fri 20 Mar 2026 (bayram) -> Mon 23 Mar 2026."""
        self.assertEqual(self.deadline(LAW_3071, date(2026, 2, 18)), date(2026, 3, 23))

    def test_3071_accepts_datetime(self):
        self.assertEqual(self.deadline(LAW_3071, datetime(2025, 1, 3, 23, 59)), date(2025, 2, 3))

    def test_acik_kapi_7_days_over_ramazan_2025(self):
        """24 Mar 2025 + 7 days = Mon 31 Mar (bayram) -> Wed 2 Apr 2025."""
        self.assertEqual(self.deadline(ACIK_KAPI, date(2025, 3, 24)), date(2025, 4, 2))

    def test_cimer_30_days_over_kurban_2025(self):
        """7 May 2025 + 30 days = Fri 6 Jun (bayram) -> Tue 10 Jun 2025."""
        self.assertEqual(self.deadline(CIMER, date(2025, 5, 7)), date(2025, 6, 10))

    def test_internal_has_no_deadline(self):
        self.assertIsNone(self.deadline(INTERNAL, date(2025, 5, 7)))

    def test_4982_15_workdays(self):
        self.assertEqual(self.deadline(LAW_4982, RECEIVED), DAY_15)

    def test_4982_over_kurban_2026(self):
        self.assertEqual(self.deadline(LAW_4982, date(2026, 5, 20)), date(2026, 6, 15))

    def test_4982_extended_30_workdays(self):
        self.assertEqual(self.deadline(LAW_4982, RECEIVED, extended=True), date(2026, 2, 5))

    def test_4982_fee_pause_shifts_deadline(self):
        """Fee pending Mon 5 - Thu 8 Jan (paid on the 8th): 3 working days added."""
        pauses = [(date(2026, 1, 5), date(2026, 1, 8))]
        self.assertEqual(self.deadline(LAW_4982, RECEIVED, pauses=pauses), date(2026, 1, 20))

    def test_4982_fee_pause_over_weekend_counts_working_days_only(self):
        pauses = [(date(2026, 1, 9), date(2026, 1, 12))]
        self.assertEqual(self.deadline(LAW_4982, RECEIVED, pauses=pauses), date(2026, 1, 16))

    def test_4982_fee_pause_with_extension(self):
        pauses = [(date(2026, 1, 5), date(2026, 1, 8))]
        self.assertEqual(self.deadline(LAW_4982, RECEIVED, extended=True, pauses=pauses),
                         date(2026, 2, 10))

    def test_4982_overlapping_pauses_counted_once(self):
        pauses = [(date(2026, 1, 5), date(2026, 1, 8)), (date(2026, 1, 6), date(2026, 1, 9))]
        self.assertEqual(self.deadline(LAW_4982, RECEIVED, pauses=pauses), date(2026, 1, 21))

    def test_4982_pause_after_deadline_does_not_move_it(self):
        pauses = [(date(2026, 2, 2), date(2026, 2, 10))]
        self.assertEqual(self.deadline(LAW_4982, RECEIVED, pauses=pauses), DAY_15)

    def test_4982_pending_fee_suspends_deadline(self):
        pauses = [(date(2026, 1, 5), date(2026, 1, 8)), (date(2026, 1, 12), None)]
        self.assertIsNone(self.deadline(LAW_4982, RECEIVED, pauses=pauses))

    def test_bad_pause(self):
        with self.assertRaises(DeadlineError):
            self.deadline(LAW_4982, RECEIVED, pauses=[(date(2026, 1, 8), date(2026, 1, 5))])
        with self.assertRaises(DeadlineError):
            self.deadline(LAW_4982, RECEIVED, pauses=[date(2026, 1, 8)])

    def test_only_4982_can_be_extended_or_paused(self):
        with self.assertRaises(DeadlineError):
            self.deadline(LAW_3071, RECEIVED, extended=True)
        with self.assertRaises(DeadlineError):
            self.deadline(CIMER, RECEIVED, pauses=[(date(2026, 1, 5), date(2026, 1, 8))])

    def test_unknown_basis(self):
        with self.assertRaises(DeadlineError):
            self.deadline('9999', RECEIVED)

    def test_extra_holiday_moves_calendar_day_deadline(self):
        cal = WorkCalendar(extra_holidays=[date(2025, 2, 5)])
        self.assertEqual(legal_deadline(LAW_3071, date(2025, 1, 6), cal), date(2025, 2, 6))


class TestExtension(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.cal = WorkCalendar()

    def check(self, on_date, basis=LAW_4982, already_extended=False, reason='Many archives',
              **kwargs):
        check_extension(basis, RECEIVED, self.cal, on_date, already_extended, reason, **kwargs)

    def test_allowed_on_15th_working_day(self):
        self.assertTrue(can_extend(LAW_4982, RECEIVED, self.cal, DAY_15, False))
        self.check(DAY_15)

    def test_allowed_on_received_day(self):
        self.assertTrue(can_extend(LAW_4982, RECEIVED, self.cal, RECEIVED, False))

    def test_refused_on_16th_working_day(self):
        day_16 = date(2026, 1, 16)
        self.assertFalse(can_extend(LAW_4982, RECEIVED, self.cal, day_16, False))
        with self.assertRaises(DeadlineError) as ctx:
            self.check(day_16)
        self.assertIn('first 15 working days', str(ctx.exception))
        self.assertIn('2026-01-15', str(ctx.exception))

    def test_fee_pause_moves_the_extension_window(self):
        pauses = [(date(2026, 1, 5), date(2026, 1, 8))]
        self.assertTrue(can_extend(LAW_4982, RECEIVED, self.cal, date(2026, 1, 16), False,
                                   pauses=pauses))

    def test_refused_twice(self):
        self.assertFalse(can_extend(LAW_4982, RECEIVED, self.cal, DAY_15, True))
        with self.assertRaises(DeadlineError) as ctx:
            self.check(DAY_15, already_extended=True)
        self.assertIn('already been extended', str(ctx.exception))

    def test_refused_without_reason(self):
        for reason in ('', '   ', None):
            with self.assertRaises(DeadlineError) as ctx:
                self.check(DAY_15, reason=reason)
            self.assertIn('reason', str(ctx.exception))

    def test_refused_for_other_bases(self):
        for basis in (LAW_3071, CIMER, ACIK_KAPI, INTERNAL):
            self.assertFalse(can_extend(basis, RECEIVED, self.cal, DAY_15, False))
            with self.assertRaises(DeadlineError) as ctx:
                self.check(DAY_15, basis=basis)
            self.assertIn('4982', str(ctx.exception))

    def test_refused_before_received(self):
        self.assertFalse(can_extend(LAW_4982, RECEIVED, self.cal, date(2025, 12, 1), False))

    def test_error_carries_translatable_template(self):
        with self.assertRaises(DeadlineError) as ctx:
            self.check(date(2026, 1, 16))
        self.assertIn('%(last_day)s', ctx.exception.message)
        self.assertEqual(ctx.exception.params, {'last_day': DAY_15})


class TestInternalTarget(unittest.TestCase):

    def test_hours_are_added(self):
        received = datetime(2025, 6, 5, 10, 0)
        self.assertEqual(internal_target(received, 24), datetime(2025, 6, 6, 10, 0))
        self.assertEqual(internal_target(received, 1.5), datetime(2025, 6, 5, 11, 30))

    def test_no_target(self):
        self.assertIsNone(internal_target(datetime(2025, 6, 5, 10, 0), None))
        self.assertIsNone(internal_target(datetime(2025, 6, 5, 10, 0), 0))

    def test_bad_target(self):
        with self.assertRaises(DeadlineError):
            internal_target(datetime(2025, 6, 5, 10, 0), -2)
        with self.assertRaises(DeadlineError):
            internal_target(None, 24)


class TestDeadlineState(unittest.TestCase):

    def test_none(self):
        self.assertEqual(deadline_state(None, date(2025, 6, 5)), 'none')

    def test_date_boundaries(self):
        deadline = date(2025, 6, 10)
        self.assertEqual(deadline_state(deadline, date(2025, 6, 7)), 'on_time')
        self.assertEqual(deadline_state(deadline, date(2025, 6, 8)), 'on_time')
        self.assertEqual(deadline_state(deadline, date(2025, 6, 9)), 'due_soon')
        self.assertEqual(deadline_state(deadline, date(2025, 6, 10)), 'due_soon')
        self.assertEqual(deadline_state(deadline, date(2025, 6, 11)), 'overdue')

    def test_soon_days(self):
        deadline = date(2025, 6, 10)
        self.assertEqual(deadline_state(deadline, date(2025, 6, 10), soon_days=0), 'on_time')
        self.assertEqual(deadline_state(deadline, date(2025, 6, 8), soon_days=3), 'due_soon')
        with self.assertRaises(DeadlineError):
            deadline_state(deadline, date(2025, 6, 8), soon_days=-1)

    def test_datetime_boundaries(self):
        deadline = datetime(2025, 6, 10, 17, 0)
        self.assertEqual(deadline_state(deadline, deadline - timedelta(hours=48)), 'on_time')
        self.assertEqual(deadline_state(deadline, deadline - timedelta(hours=47, minutes=59)),
                         'due_soon')
        self.assertEqual(deadline_state(deadline, deadline), 'due_soon')
        self.assertEqual(deadline_state(deadline, deadline + timedelta(seconds=1)), 'overdue')

    def test_mixed_date_and_datetime_compare_dates(self):
        self.assertEqual(deadline_state(date(2025, 6, 10), datetime(2025, 6, 10, 23, 0)),
                         'due_soon')
        self.assertEqual(deadline_state(datetime(2025, 6, 10, 9, 0), date(2025, 6, 11)),
                         'overdue')


class TestDeadlineStateSql(unittest.TestCase):
    """The cron's SQL and deadline_state() are one rule: they agree on every day around."""

    def _sql_state(self, deadline, today, soon_days, closed=False):
        import re
        import sqlite3
        sql = deadline_state_sql(":deadline", ":closed", "legal")
        sql = re.sub(r"%\((\w+)\)s", r":\1", sql)
        params = {k: v.isoformat() for k, v in
                  deadline_state_params("legal", today, soon_days).items()}
        params.update(deadline=deadline.isoformat() if deadline else None, closed=closed)
        with sqlite3.connect(":memory:") as db:
            return db.execute("SELECT " + sql, params).fetchone()[0]

    def test_sql_agrees_with_python(self):
        today = date(2026, 6, 10)
        for soon_days in (0, LEGAL_SOON_DAYS, 5):
            for offset in range(-3, 8):
                deadline = today + timedelta(days=offset)
                with self.subTest(soon_days=soon_days, offset=offset):
                    self.assertEqual(self._sql_state(deadline, today, soon_days),
                                     deadline_state(deadline, today, soon_days))
        self.assertEqual(self._sql_state(None, today, 2), 'none')
        self.assertEqual(self._sql_state(today, today, 2, closed=True), 'none')
        self.assertEqual(deadline_state(today, today, closed=True), 'none')

    def test_thresholds(self):
        today = date(2026, 6, 10)
        self.assertEqual(state_thresholds(today, 2), (today, date(2026, 6, 12)))
        now = datetime(2026, 6, 10, 9, 30)
        self.assertEqual(state_thresholds(now, TARGET_SOON_DAYS), (now, now))
        with self.assertRaises(DeadlineError):
            state_thresholds(today, -1)


# --- what a change can move ---------------------------------------------------------------

def _dl():
    from .. import deadlines
    return deadlines


def _clock(day, hour="09:00:00", soon=2):
    d = date(*map(int, day.split('-')))
    return {'legal_overdue': day, 'legal_soon': str(d + timedelta(days=soon)),
            'target_overdue': '%s %s' % (day, hour), 'target_soon': '%s %s' % (day, hour)}


def test_changed_window():
    window = _dl().changed_window(_clock('2026-06-10'), _clock('2026-06-11', '10:00:00'))
    assert window == {'legal_lo': '2026-06-10', 'legal_hi': '2026-06-11',
                      'legal_soon_lo': '2026-06-12', 'legal_soon_hi': '2026-06-13',
                      'target_lo': '2026-06-10 09:00:00', 'target_hi': '2026-06-11 10:00:00',
                      'target_soon_lo': '2026-06-10 09:00:00',
                      'target_soon_hi': '2026-06-11 10:00:00'}


def test_changed_window_clock_backwards():
    window = _dl().changed_window(_clock('2026-06-11'), _clock('2026-06-10'))
    assert (window['legal_lo'], window['legal_hi']) == ('2026-06-10', '2026-06-11')
    assert (window['legal_soon_lo'], window['legal_soon_hi']) == ('2026-06-12', '2026-06-13')


def test_changed_window_without_last_run():
    dl = _dl()
    assert dl.changed_window(None, _clock('2026-06-10')) is None
    assert dl.changed_window({'legal_overdue': 3}, _clock('2026-06-10')) is None


def test_changed_window_same_day_moves_no_legal_light():
    window = _dl().changed_window(_clock('2026-06-10'), _clock('2026-06-10', '10:00:00'))
    assert window['legal_lo'] == window['legal_hi'] == '2026-06-10'
    assert window['legal_soon_lo'] == window['legal_soon_hi'] == '2026-06-12'
    assert (window['target_lo'], window['target_hi']) == ('2026-06-10 09:00:00',
                                                          '2026-06-10 10:00:00')


def test_changed_window_is_exact():
    """A deadline is in the window exactly when its light differs between the two runs."""
    dl = _dl()
    for last_day, day in (('2026-06-10', '2026-06-10'), ('2026-06-10', '2026-06-11'),
                          ('2026-06-10', '2026-06-14'), ('2026-06-14', '2026-06-10')):
        last_d, cur_d = (date(*map(int, d.split('-'))) for d in (last_day, day))
        window = dl.changed_window(_clock(last_day), _clock(day))
        for offset in range(-6, 10):
            deadline = date(2026, 6, 10) + timedelta(days=offset)
            iso = str(deadline)
            inside = any(window['%s_lo' % p] <= iso < window['%s_hi' % p]
                         for p in ('legal', 'legal_soon'))
            moved = (dl.deadline_state(deadline, last_d, 2)
                     != dl.deadline_state(deadline, cur_d, 2))
            assert inside == moved, (last_day, day, iso)


def test_holiday_can_move():
    dl = _dl()
    assert dl.holiday_can_move('2026-03-16', '2026-04-07', '2026-03-19')
    assert dl.holiday_can_move('2026-03-19', '2026-03-19', '2026-03-19')
    assert not dl.holiday_can_move('2026-03-20', '2026-04-07', '2026-03-19')
    assert not dl.holiday_can_move('2026-03-01', '2026-03-18', '2026-03-19')
    assert not dl.holiday_can_move('2026-03-16', None, '2026-03-19')
