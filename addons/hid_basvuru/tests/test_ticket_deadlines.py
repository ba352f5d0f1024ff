# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
from unittest import mock

from odoo import fields
from odoo.exceptions import UserError

from .common_ticket import HidTicketCase


def forget_cron_clock(env):
    """The deadline cron's next run looks at every case, as its first run does."""
    env.cr.execute("DELETE FROM ir_config_parameter WHERE key = %s",
                   (env["helpdesk.ticket"]._HID_CLOCK_KEY,))


def utc(year, month, day, hour=9):
    """A received_date: 09:00 UTC is 12:00 in Istanbul, the same calendar day."""
    return fields.Datetime.to_string(datetime.datetime(year, month, day, hour))


class TestLegalBasis(HidTicketCase):

    def test_basis_from_channel_and_type(self):
        ref = self.env.ref
        cases = [
            ({}, "3071"),
            ({"channel_id": self.cimer.id}, "cimer"),
            ({"channel_id": ref("hid_basvuru.channel_acik_kapi").id}, "acik_kapi"),
            ({"basvuru_type_id": ref("hid_basvuru.type_bilgi_edinme").id}, "4982"),
            ({"channel_id": self.cimer.id,
              "basvuru_type_id": ref("hid_basvuru.type_bilgi_edinme").id}, "4982"),
            ({"basvuru_type_id": ref("hid_basvuru.type_tesekkur").id}, "internal"),
        ]
        for vals, basis in cases:
            self.assertEqual(self.intake(**vals).legal_basis, basis, vals)


class TestDeadlines(HidTicketCase):

    def test_3071_thirty_calendar_days(self):
        ticket = self.intake(received_date=utc(2026, 3, 16))
        self.assertEqual(ticket.legal_deadline, "2026-04-15")

    def test_4982_fifteen_working_days_across_ramazan_bayrami(self):
        info = self.env.ref("hid_basvuru.type_bilgi_edinme")
        ticket = self.intake(basvuru_type_id=info.id, received_date=utc(2026, 3, 16))
        # 20 March 2026 is Ramazan Bayramı (Friday): 15 working days end on 7 April.
        self.assertEqual(ticket.legal_deadline, "2026-04-07")

    def test_staff_added_leave_day_counts(self):
        self.env["hid.holiday"].create({"date": "2026-03-19", "name": "İdari izin"})
        info = self.env.ref("hid_basvuru.type_bilgi_edinme")
        ticket = self.intake(basvuru_type_id=info.id, received_date=utc(2026, 3, 16))
        self.assertEqual(ticket.legal_deadline, "2026-04-08")

    def test_open_deadlines_follow_a_later_leave_day(self):
        info = self.env.ref("hid_basvuru.type_bilgi_edinme")
        ticket = self.intake(basvuru_type_id=info.id, received_date=utc(2026, 3, 16))
        self.assertEqual(ticket.legal_deadline, "2026-04-07")
        leave = self.env["hid.holiday"].sudo(self.staff).create(
            {"date": "2026-03-19", "name": "İdari izin"})
        self.assertEqual(ticket.legal_deadline, "2026-04-08",
                         "a leave day added later moves the open case's deadline")
        leave.sudo(self.staff).unlink()
        self.assertEqual(ticket.legal_deadline, "2026-04-07")

    def test_acik_kapi_seven_days_moves_past_weekend(self):
        ticket = self.intake(channel_id=self.env.ref("hid_basvuru.channel_acik_kapi").id,
                             received_date=utc(2026, 11, 2))
        # 2 Nov + 7 = Monday 9 Nov 2026, a working day.
        self.assertEqual(ticket.legal_deadline, "2026-11-09")
        ticket = self.intake(channel_id=self.env.ref("hid_basvuru.channel_acik_kapi").id,
                             received_date=utc(2026, 11, 7))
        # 7 Nov + 7 = Saturday 14 Nov: the period ends on Monday 16 Nov.
        self.assertEqual(ticket.legal_deadline, "2026-11-16")

    def test_fee_pause_stops_the_4982_clock(self):
        info = self.env.ref("hid_basvuru.type_bilgi_edinme")
        ticket = self.intake(basvuru_type_id=info.id, received_date=utc(2026, 3, 16))
        ticket.sudo(self.staff).write({"fee_pause_ids": [(0, 0, {"date_start": "2026-03-24"})]})
        self.assertFalse(ticket.legal_deadline, "suspended while the fee is pending")
        ticket.fee_pause_ids.sudo(self.staff).write({"date_end": "2026-03-26"})
        # 24 and 25 March did not count: two working days later than 7 April.
        self.assertEqual(ticket.legal_deadline, "2026-04-09")

    def test_internal_target_from_category(self):
        self.cat_cop.target_hours = 24
        ticket = self.intake(category_id=self.cat_cop.id, received_date=utc(2026, 5, 4, 8))
        self.assertEqual(ticket.internal_deadline, "2026-05-05 08:00:00")


class TestExtension(HidTicketCase):

    def setUp(self):
        super().setUp()
        self.info = self.env.ref("hid_basvuru.type_bilgi_edinme")

    def test_extend_once_with_reason_and_notice(self):
        ticket = self.intake(basvuru_type_id=self.info.id,
                             received_date=fields.Datetime.now())
        before = fields.Date.from_string(ticket.legal_deadline)
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_extend("  ")
        ticket.sudo(self.staff).action_extend("Bilgi birden fazla birimden toplanıyor")
        self.assertTrue(ticket.extended)
        self.assertGreater(fields.Date.from_string(ticket.legal_deadline), before)
        self.assertIn("Bilgi birden fazla birimden toplanıyor", ticket.message_ids[0].body,
                      "the applicant's notice is logged")
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_extend("Bir daha")

    def test_extension_refused_after_fifteen_working_days(self):
        ticket = self.intake(basvuru_type_id=self.info.id, received_date=utc(2026, 1, 5))
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_extend("Geç kalındı")

    def test_extension_only_for_4982(self):
        ticket = self.intake()
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_extend("Olmaz")


class TestDeadlineMonitoring(HidTicketCase):

    def test_states_and_escalation(self):
        long_ago = fields.Datetime.to_string(datetime.datetime.now() - datetime.timedelta(days=60))
        overdue = self.intake(received_date=long_ago)
        tem_overdue = self.intake(received_date=long_ago, category_id=self.cat_cop.id)
        fresh = self.intake()
        self.assertEqual(overdue.deadline_state, "overdue")
        self.assertEqual(fresh.deadline_state, "on_time")
        self.env["helpdesk.ticket"]._cron_refresh_deadline_states()
        activities = self.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", overdue.id)])
        self.assertEqual(activities.user_id, self.fen_manager,
                         "the müdürlük manager is told about the overdue case")
        self.assertTrue(overdue.overdue_escalated and tem_overdue.overdue_escalated)
        self.env["helpdesk.ticket"]._cron_refresh_deadline_states()
        self.assertEqual(len(self.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", overdue.id)])), 1,
            "escalated once, not at every run")

    def test_cron_is_set_based(self):
        Ticket = self.env["helpdesk.ticket"]
        for _i in range(5):
            self.intake()
        self.env.cr.execute("UPDATE helpdesk_ticket SET deadline_state = NULL")
        Ticket.invalidate_cache()
        forget_cron_clock(self.env)
        before = self.env.cr.sql_log_count
        changed = Ticket._cron_refresh_deadline_states()
        self.assertGreaterEqual(changed, 5)
        self.assertEqual(self.env.cr.sql_log_count - before, 2,
                         "two queries whatever the number of applications")
        for _i in range(5):
            self.intake()
        self.env.cr.execute("UPDATE helpdesk_ticket SET deadline_state = NULL")
        Ticket.invalidate_cache()
        before = self.env.cr.sql_log_count
        Ticket._cron_refresh_deadline_states()
        self.env.cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE deadline_state IS NULL")
        self.assertGreaterEqual(self.env.cr.fetchone()[0], 10,
                                "later the same day missing lights are not looked for")
        today, now = Ticket._deadline_clock()
        tomorrow = today + datetime.timedelta(days=1)
        with mock.patch.object(type(Ticket), "_deadline_clock", lambda self: (
                tomorrow, now + datetime.timedelta(days=1))):
            self.assertGreaterEqual(Ticket._cron_refresh_deadline_states(), 10,
                                    "a missing light is set when the day changes")
        self.assertEqual(self.env.cr.sql_log_count - before, 5,
                         "still two a run with twice as many (and the count above)")

    def test_closed_has_no_deadline_state(self):
        ticket = self.intake(received_date=fields.Datetime.to_string(
            datetime.datetime.now() - datetime.timedelta(days=60)))
        ticket.sudo(self.fen_user).action_answer("Yapıldı")
        ticket.sudo(self.staff).action_close("cozuldu")
        self.assertEqual(ticket.deadline_state, "none")

    def test_due_filter_domain(self):
        """The "due today or tomorrow" list shows an open case whose deadline is tomorrow."""
        today = self.env["helpdesk.ticket"]._today()
        ticket = self.intake()
        # in SQL, past the compute: the light is missing, which the cron repairs on its
        # first run of a day (a light is refreshed only when a threshold passes its deadline)
        self.env.cr.execute("UPDATE helpdesk_ticket SET legal_deadline = %s, "
                            "deadline_state = NULL WHERE id = %s",
                            (today + datetime.timedelta(days=1), ticket.id))
        forget_cron_clock(self.env)
        self.env["helpdesk.ticket"]._cron_refresh_deadline_states()
        ticket.invalidate_cache()
        self.assertEqual(ticket.deadline_state, "due_soon")
        self.assertIn(ticket, ticket.search([("deadline_state", "=", "due_soon")]))


class TestDeadlineStateOneRule(HidTicketCase):
    """The compute and the set-based cron decide deadline_state by the one rule of the lib."""

    def _state_both_ways(self, ticket, deadline):
        """(the cron's state, the compute's state) of `ticket` with this legal deadline."""
        self.env.cr.execute("UPDATE helpdesk_ticket SET legal_deadline = %s, "
                            "deadline_state = NULL WHERE id = %s", (deadline, ticket.id))
        ticket.invalidate_cache()
        forget_cron_clock(self.env)   # the cron looks at every case, as on its first run
        self.env["helpdesk.ticket"]._cron_refresh_deadline_states()
        ticket.invalidate_cache()
        by_cron = ticket.deadline_state
        self.env.add_todo(ticket._fields["deadline_state"], ticket)
        ticket.recompute()
        return by_cron, ticket.deadline_state

    def test_cron_and_compute_agree(self):
        today = self.env["helpdesk.ticket"]._today()
        ticket = self.intake()
        for offset in range(-2, 5):
            deadline = today + datetime.timedelta(days=offset)
            by_cron, by_compute = self._state_both_ways(ticket, deadline)
            self.assertEqual(by_cron, by_compute, "offset %d days" % offset)
        self.assertEqual(self._state_both_ways(ticket, today - datetime.timedelta(days=1)),
                         ("overdue", "overdue"))
        self.assertEqual(self._state_both_ways(ticket, today + datetime.timedelta(days=1)),
                         ("due_soon", "due_soon"))

    def test_the_rule_lives_in_the_lib(self):
        """Change the lib's "due soon" window: the compute and the cron both follow."""
        from ..lib import deadlines
        today = self.env["helpdesk.ticket"]._today()
        ticket = self.intake()
        in_four_days = today + datetime.timedelta(days=4)
        self.assertEqual(self._state_both_ways(ticket, in_four_days), ("on_time", "on_time"))
        with mock.patch.object(deadlines, "LEGAL_SOON_DAYS", 5):
            self.assertEqual(self._state_both_ways(ticket, in_four_days),
                             ("due_soon", "due_soon"))


class TestWhatAChangeMoves(HidTicketCase):
    """A calendar, target or clock change touches only the cases it can move; closed cases
    keep the deadlines they had when they were closed."""

    def setUp(self):
        super().setUp()
        self.info = self.env.ref("hid_basvuru.type_bilgi_edinme")

    def _close(self, ticket):
        user = self.tem_user if ticket.team_id == self.tem else self.fen_user
        ticket.sudo(user).action_answer("Yapıldı")
        ticket.sudo(self.staff).action_close("cozuldu")

    def test_holiday_moves_only_the_cases_around_it(self):
        moving = self.intake(basvuru_type_id=self.info.id, received_date=utc(2026, 3, 16))
        later = self.intake(basvuru_type_id=self.info.id, received_date=utc(2026, 3, 20))
        over = self.intake(basvuru_type_id=self.info.id, received_date=utc(2026, 2, 2))
        closed = self.intake(basvuru_type_id=self.info.id, received_date=utc(2026, 3, 16))
        self._close(closed)
        self.assertEqual((moving.legal_deadline, closed.legal_deadline),
                         ("2026-04-07", "2026-04-07"), "read first: the values are cached")
        Ticket = self.env["helpdesk.ticket"]
        affected = Ticket.search(Ticket._hid_deadline_domain_around("2026-03-19"))
        self.assertIn(moving, affected)
        self.assertNotIn(later, affected, "received after the day: counted after it")
        self.assertNotIn(over, affected, "its deadline was over before the day")
        self.assertNotIn(closed, affected, "closed: frozen")
        self.env["hid.holiday"].sudo(self.staff).create(
            {"date": "2026-03-19", "name": "İdari izin"})
        self.assertEqual(moving.legal_deadline, "2026-04-08",
                         "recomputed although its old value was in the cache")
        self.assertEqual(closed.legal_deadline, "2026-04-07", "a closed case keeps its own")

    def test_holiday_rule_in_the_lib(self):
        from ..lib.deadlines import holiday_can_move
        self.assertTrue(holiday_can_move("2026-03-16", "2026-04-07", "2026-03-19"))
        self.assertTrue(holiday_can_move("2026-03-19", "2026-04-07", "2026-03-19"))
        self.assertTrue(holiday_can_move("2026-03-16", "2026-03-19", "2026-03-19"))
        self.assertFalse(holiday_can_move("2026-03-20", "2026-04-07", "2026-03-19"))
        self.assertFalse(holiday_can_move("2026-03-01", "2026-03-18", "2026-03-19"))
        self.assertFalse(holiday_can_move("2026-03-16", None, "2026-03-19"))

    def test_closed_deadline_frozen_on_recompute(self):
        ticket = self.intake(basvuru_type_id=self.info.id, received_date=utc(2026, 3, 16))
        self._close(ticket)
        self.env["hid.holiday"].sudo(self.staff).create(
            {"date": "2026-03-19", "name": "İdari izin"})
        self.env["helpdesk.ticket"]._hid_recompute_open_deadlines()
        ticket.invalidate_cache()
        self.env["helpdesk.ticket"]._hid_recompute_legal_deadlines(ticket)
        ticket.invalidate_cache()
        self.assertEqual(ticket.legal_deadline, "2026-04-07",
                         "even a forced recompute keeps a closed case's deadline")

    def test_stage_closed_change_is_one_update(self):
        """Making a stage closed (or open again) moves `closed`, `stage_code` and the lights
        of its applications in SQL: the same number of queries for 2 or 6 of them, and the
        applications of other stages are untouched."""
        late = fields.Datetime.to_string(datetime.datetime.now() - datetime.timedelta(days=60))
        first = [self.intake(received_date=late) for _i in range(2)]
        stage = first[0].stage_id.sudo(self.director)
        code = stage.code
        other = self.intake(received_date=late)
        other.sudo(self.fen_user).action_start()
        self.assertNotEqual(other.stage_id, stage)
        self.assertEqual(first[0].deadline_state, "overdue")
        cr = self.env.cr

        def flip(value):
            """The queries that read or write applications while the stage is written."""
            seen = []
            with mock.patch.object(type(cr), "execute", autospec=True,
                                   side_effect=type(cr).execute) as spy:
                stage.write({"closed": value})
            for call in spy.call_args_list:
                query = str(call[0][1])
                if "helpdesk_ticket " in query or 'helpdesk_ticket"' in query \
                        or "helpdesk_ticket\n" in query:
                    seen.append(query.split()[0])
            return seen
        two = flip(True)
        self.assertEqual([(t.closed, t.deadline_state, t.target_state) for t in first],
                         [(True, "none", "none")] * 2)
        self.assertEqual((other.closed, other.deadline_state), (False, "overdue"))
        flip(False)
        self.assertEqual([(t.closed, t.deadline_state) for t in first],
                         [(False, "overdue")] * 2)
        more = first + [self.intake(received_date=late) for _i in range(4)]
        self.assertEqual(flip(True), two, "the same queries, whatever the number")
        self.assertEqual(two.count("UPDATE"), 1, two)
        self.assertTrue(all(t.closed and t.deadline_state == "none" for t in more))
        stage.write({"code": "routed_x"})
        self.assertEqual({t.stage_code for t in more}, {"routed_x"})
        cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE stage_id = %s "
                   "AND (closed IS NOT TRUE OR stage_code <> 'routed_x')", (stage.id,))
        self.assertEqual(cr.fetchone()[0], 0, "the table says the same as the cache")
        stage.write({"code": code, "closed": False})

    def test_target_change_moves_open_cases_only(self):
        self.cat_cop.target_hours = 24
        open_case = self.intake(category_id=self.cat_cop.id, received_date=utc(2026, 5, 4, 8))
        closed = self.intake(category_id=self.cat_cop.id, received_date=utc(2026, 5, 4, 8))
        self._close(closed)
        self.cat_cop.target_hours = 48
        self.assertEqual(open_case.internal_deadline, "2026-05-06 08:00:00")
        closed.invalidate_cache()
        self.assertEqual(closed.internal_deadline, "2026-05-05 08:00:00",
                         "the closed case keeps the target it was measured against")

    def test_cron_looks_only_where_a_light_can_change(self):
        Ticket = self.env["helpdesk.ticket"]
        day = datetime.date(2026, 6, 10)
        clock = (lambda d: lambda self: (d, datetime.datetime.combine(d, datetime.time(9))))
        due = self.intake(received_date=utc(2026, 5, 20))
        far = self.intake(received_date=utc(2026, 5, 20))
        self.env.cr.execute("UPDATE helpdesk_ticket SET legal_deadline = %s WHERE id = %s",
                            (day, due.id))
        self.env.cr.execute("UPDATE helpdesk_ticket SET legal_deadline = %s WHERE id = %s",
                            (day + datetime.timedelta(days=20), far.id))
        cls = type(Ticket)
        with mock.patch.object(cls, "_deadline_clock", clock(day)):
            Ticket._cron_refresh_deadline_states()      # the first run looks at every case
        Ticket.invalidate_cache()
        self.assertEqual((due.deadline_state, far.deadline_state), ("due_soon", "on_time"))
        # a light wrong for another reason, far from any threshold, is not looked at again
        self.env.cr.execute("UPDATE helpdesk_ticket SET deadline_state = 'due_soon' "
                            "WHERE id = %s", (far.id,))
        with mock.patch.object(cls, "_deadline_clock", clock(day + datetime.timedelta(days=1))):
            Ticket._cron_refresh_deadline_states()
        Ticket.invalidate_cache()
        self.assertEqual(due.deadline_state, "overdue", "its deadline passed since the last run")
        self.assertTrue(due.overdue_escalated)
        self.assertEqual(len(self.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", due.id)])), 1)
        self.assertIn("Legal deadline passed", due.message_ids[0].body)
        self.assertEqual(far.deadline_state, "due_soon", "outside the window: not scanned")
        with mock.patch.object(cls, "_deadline_clock", clock(day + datetime.timedelta(days=19))):
            Ticket._cron_refresh_deadline_states()
        Ticket.invalidate_cache()
        self.assertEqual(far.deadline_state, "due_soon", "its due-soon threshold passed")

    def test_cron_same_day_scans_no_legal_deadline(self):
        """Later on the same day no legal threshold has moved: no legal light can change,
        so not even the cases due today or tomorrow are looked at again."""
        Ticket = self.env["helpdesk.ticket"]
        day = datetime.date(2026, 6, 10)
        clock = (lambda d, h: lambda self: (d, datetime.datetime.combine(d, datetime.time(h))))
        soon = self.intake(received_date=utc(2026, 5, 20))
        self.env.cr.execute("UPDATE helpdesk_ticket SET legal_deadline = %s WHERE id = %s",
                            (day + datetime.timedelta(days=1), soon.id))
        cls = type(Ticket)
        with mock.patch.object(cls, "_deadline_clock", clock(day, 9)):
            Ticket._cron_refresh_deadline_states()
        Ticket.invalidate_cache()
        self.assertEqual(soon.deadline_state, "due_soon")
        self.env.cr.execute("UPDATE helpdesk_ticket SET deadline_state = 'on_time' "
                            "WHERE id = %s", (soon.id,))
        with mock.patch.object(cls, "_deadline_clock", clock(day, 15)):
            Ticket._cron_refresh_deadline_states()
        Ticket.invalidate_cache()
        self.assertEqual(soon.deadline_state, "on_time", "same day: not scanned")
        with mock.patch.object(cls, "_deadline_clock", clock(day + datetime.timedelta(days=2), 9)):
            Ticket._cron_refresh_deadline_states()
        Ticket.invalidate_cache()
        self.assertEqual(soon.deadline_state, "overdue", "the overdue threshold passed it")

    def test_escalation_in_chunks(self):
        long_ago = fields.Datetime.to_string(datetime.datetime.now() - datetime.timedelta(days=60))
        cases = self.env["helpdesk.ticket"]
        for _i in range(5):
            cases |= self.intake(received_date=long_ago)
        self.env["helpdesk.ticket"]._cron_refresh_deadline_states(chunk=2)
        cases.invalidate_cache()
        self.assertTrue(all(cases.mapped("overdue_escalated")))
        activities = self.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "in", cases.ids)])
        self.assertEqual(len(activities), 5)
        self.assertEqual(activities.mapped("user_id"), self.fen_manager)
        self.assertEqual(set(activities.mapped("res_name")), set(cases.mapped("number")))
        today = fields.Date.to_string(self.env["helpdesk.ticket"]._today())
        for case in cases:
            self.assertIn(self.fen_manager.partner_id, case.message_partner_ids,
                          "the manager follows the case, as mail.activity.create does")
            self.assertEqual(case.activity_date_deadline, today)
            self.assertEqual(case.sudo(self.fen_manager).activity_ids.summary,
                             "Legal deadline passed")
