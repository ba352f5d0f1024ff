# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError
from psycopg2 import IntegrityError

from odoo.addons.hid_anket.lib import satisfaction as sat
from odoo.addons.hid_anket.models.hid_anket_satisfaction import HidAnketAnswerError
from odoo.tools import mute_logger

from .common import CLOSED, AnketCase, frozen_now

DAY = datetime.timedelta(days=1)


class TestScheduling(AnketCase):

    def test_scheduled_n_days_after_closure_per_state(self):
        self.env.ref("hid_anket.rule_programa_alindi").delay_days = 7
        solved = self.closed_ticket("cozuldu")
        scheduled = self.closed_ticket("programa_alindi")
        self.assertEqual(self.survey_of(solved).scheduled_date, "2026-06-04", "çözüldü: 3 days")
        self.assertEqual(self.survey_of(scheduled).scheduled_date, "2026-06-08",
                         "programa alındı: its own 7 days")
        record = self.survey_of(solved)
        self.assertEqual((record.team_id, record.channel_id, record.category_id,
                          record.mahalle_id, record.closure_state),
                         (self.fen, self.phone, self.cat_cukur, self.citizen.mahalle_id,
                          "cozuldu"), "tied to the application's müdürlük, channel, ...")
        self.Satisfaction._cron_send(now=datetime.datetime(2026, 6, 3, 23, 0))
        self.assertEqual(record.state, "scheduled", "not before its day")
        self.Satisfaction._cron_send(now=datetime.datetime(2026, 6, 4, 9, 0))
        self.assertEqual(record.state, "sent")
        self.assertEqual(record.send_via, "sms")
        self.assertEqual(self.survey_of(scheduled).state, "scheduled")

    def test_never_for_duplicate_forwarded_anonymous(self):
        original = self.closed_ticket()
        duplicate = self.intake()
        duplicate.sudo(self.staff).action_mark_duplicate(original)
        forwarded = self.intake()
        forwarded.sudo(self.staff).action_sevk("İBB")
        anonymous = self.intake(partner_id=False, anonymous=True, kvkk_notice_given=False)
        anonymous.sudo(self.staff).action_close("bilgi_verildi", answer="Bilgi verildi")
        for ticket in (duplicate, forwarded, anonymous):
            self.assertEqual(ticket.stage_code, "closed")
            self.assertFalse(self.survey_of(ticket), "no survey for %s" % ticket.closure_state)
        self.assertTrue(self.survey_of(original))

    def test_inactive_rule_means_no_survey(self):
        self.env.ref("hid_anket.rule_gerekceli_ret").active = False
        ticket = self.closed_ticket("gerekceli_ret")
        self.assertFalse(self.survey_of(ticket))

    def test_one_survey_per_closure(self):
        # Yeniden Aç measures its window against the real clock: dates relative to today.
        today = datetime.datetime.utcnow().replace(microsecond=0)
        ticket = self.closed_ticket(when=fields.Datetime.to_string(today - 10 * DAY))
        first = self.survey_of(ticket)
        self.Satisfaction._hid_schedule(ticket)
        self.assertEqual(self.Satisfaction.sudo().search_count([("ticket_id", "=", ticket.id)]),
                         1, "closing again is the same closure: no second survey")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.Satisfaction.sudo().create({"ticket_id": ticket.id, "closure_seq": 0})
        ticket.sudo(self.agent).action_reopen("Vatandaş itiraz etti")
        ticket.sudo(self.fen_user).action_answer("Yeniden kapatıldı.")
        with frozen_now(fields.Datetime.to_string(today - 5 * DAY)):
            ticket.sudo(self.staff).action_close("cozuldu")
        second = self.survey_of(ticket)
        self.assertNotEqual(first, second, "a new closure gets its own survey")
        self.assertEqual(second.closure_seq, 1)
        self.Satisfaction._cron_send(now=today)
        self.assertEqual(first.state, "cancelled", "the first closure is gone")
        self.assertEqual(first.cancel_reason, "reopened")
        self.assertEqual(second.state, "sent")

    def test_one_reminder_at_most(self):
        ticket = self.closed_ticket()
        record, first_token = self.send(ticket)
        sent_at = datetime.datetime(2026, 6, 4, 9, 0)
        self.Satisfaction._cron_send(now=sent_at + 2 * DAY)
        self.assertFalse(record.reminder_date, "not before reminder_days")
        self.Satisfaction._cron_send(now=sent_at + 3 * DAY)
        self.assertTrue(record.reminder_date)
        self.Satisfaction._cron_send(now=sent_at + 6 * DAY)
        sms = self.env["hid.sms"].sudo().search([("ticket_id", "=", ticket.id),
                                                 ("template_code", "=", "anket_satisfaction")])
        self.assertEqual(len(sms), 2, "the survey and one reminder, never more")
        self.assertFalse(self.Satisfaction._hid_find_by_token(first_token),
                         "the reminder's fresh link replaces the first one")
        self.Satisfaction._cron_send(now=sent_at + 32 * DAY)
        self.assertEqual(record.state, "sent", "the reminder's link is valid for 30 days")
        self.Satisfaction._cron_send(now=sent_at + 34 * DAY)
        self.assertEqual(record.state, "expired", "links expire after hid_anket.token_days")


class TestContact(AnketCase):

    def test_opted_out_of_surveys_gets_nothing(self):
        self.citizen.hid_anket_opt_out = True
        ticket = self.closed_ticket()
        record, token = self.send(ticket)
        self.assertEqual((record.state, record.cancel_reason), ("cancelled", "opted_out"))
        self.assertIsNone(token, "no SMS")

    def test_sms_opt_out_falls_back_to_email(self):
        self.citizen.write({"sms_opt_out": True, "email": "fatma@example.com"})
        ticket = self.closed_ticket()
        record, token = self.send(ticket)
        self.assertIsNone(token, "SMS İstemiyor is respected")
        self.assertEqual((record.state, record.send_via), ("sent", "email"))
        mail = self.env["mail.mail"].sudo().search([("email_to", "=", "fatma@example.com")],
                                                   order="id desc", limit=1)
        self.assertIn("https://hid.example/anket/", mail.body_html, "the link goes by e-mail")

    def test_no_mobile_no_email_cancels(self):
        self.citizen.write({"mobile": False, "phone": "0216 555 11 22", "email": False})
        ticket = self.closed_ticket()
        record, _token = self.send(ticket)
        self.assertEqual((record.state, record.cancel_reason), ("cancelled", "no_contact"))

    def test_opt_out_from_the_survey_page(self):
        ticket = self.closed_ticket()
        _record, token = self.send(ticket)
        self.Satisfaction._hid_answer_by_token(token, "evet", "5", "", opt_out=True,
                                               now=datetime.datetime(2026, 6, 5))
        self.assertTrue(self.citizen.hid_anket_opt_out)


class TestToken(AnketCase):

    def test_token_single_use_hash_only(self):
        ticket = self.closed_ticket()
        record, token = self.send(ticket)
        self.assertTrue(token and len(token) >= 43, "a 256-bit token in the SMS link")
        self.assertEqual(record.sudo().token_hash, sat.token_hash(token))
        self.env.cr.execute("SELECT count(*) FROM hid_anket_satisfaction WHERE token_hash = %s "
                            "OR comment = %s", (token, token))
        self.assertEqual(self.env.cr.fetchone()[0], 0, "the token itself is not stored")
        page = self.Satisfaction._hid_public_page(token, now=datetime.datetime(2026, 6, 5))
        self.assertEqual((page["status"], page["number"]), ("open", ticket.number))
        self.assertNotIn(self.citizen.name, str(page), "the page knows no name")
        result = self.Satisfaction._hid_answer_by_token(
            token, "evet", "4", "Teşekkürler", now=datetime.datetime(2026, 6, 5))
        self.assertFalse(result["reopened"])
        self.assertEqual((record.state, record.solved, record.score, record.answer_channel),
                         ("answered", "evet", 4, "link"))
        self.assertEqual(record.user_input_id.state, "done", "also a survey.user_input")
        self.assertEqual(len(record.user_input_id.user_input_line_ids), 3)
        with self.assertRaises(HidAnketAnswerError):
            self.Satisfaction._hid_answer_by_token(token, "hayir", "1", "")
        self.assertEqual(record.solved, "evet", "a spent token changes nothing")
        self.assertEqual(self.Satisfaction._hid_public_page(token)["status"], "answered")

    def test_wrong_or_guessed_tokens(self):
        ticket = self.closed_ticket()
        _record, token = self.send(ticket)
        for guess in (token[:-1] + ("A" if token[-1] != "A" else "B"), sat.new_token(),
                      "x", "", None, "' OR 1=1 --", sat.token_hash(token)):
            self.assertEqual(self.Satisfaction._hid_public_page(guess)["status"], "invalid")
            with self.assertRaises(HidAnketAnswerError):
                self.Satisfaction._hid_answer_by_token(guess, "evet", "5", "")

    def test_bad_answers_refused_nothing_saved(self):
        ticket = self.closed_ticket()
        record, token = self.send(ticket)
        for solved, score in (("belki", "3"), ("evet", "9"), ("evet", "")):
            with self.assertRaises(HidAnketAnswerError):
                self.Satisfaction._hid_answer_by_token(token, solved, score, "")
        self.assertEqual(record.state, "sent", "still open: nothing half-saved")

    def test_expired_link(self):
        ticket = self.closed_ticket()
        record, token = self.send(ticket)
        with self.assertRaises(HidAnketAnswerError):
            self.Satisfaction._hid_answer_by_token(
                token, "evet", "5", "", now=datetime.datetime(2026, 8, 1))
        self.assertEqual(record.state, "sent")


class TestNotSolved(AnketCase):

    def test_no_within_window_reopens_as_the_citizen(self):
        ticket = self.closed_ticket()
        record, token = self.send(ticket)
        result = self.Satisfaction._hid_answer_by_token(
            token, "hayir", "1", "Çukur hâlâ orada", now=CLOSED + 10 * DAY)
        self.assertTrue(result["reopened"])
        self.assertTrue(record.reopened)
        self.assertEqual(ticket.stage_code, "routed", "back to the müdürlük")
        self.assertEqual(ticket.reopen_count, 1)
        self.assertFalse(ticket.closure_state)
        line = ticket.havale_ids.filtered(lambda h: h.kind == "reopen")
        self.assertIn("Çukur hâlâ orada", line.note, "history keeps the citizen's comment")
        self.assertEqual(line.user_id, self.env.ref("base.public_user"),
                         "signed by the web, not by a member of staff")
        message = ticket.message_ids.filtered(lambda m: "Çukur hâlâ orada" in (m.body or ""))
        self.assertEqual(message.author_id, self.citizen, "the chatter line is the citizen's")
        self.assertIn(self.staff.partner_id, message.partner_ids, "HİM staff are notified")

    def test_no_after_window_is_flagged_for_review(self):
        ticket = self.closed_ticket()
        self.env["ir.config_parameter"].sudo().set_param("hid_basvuru.reopen_days", "5")
        record, token = self.send(ticket)
        result = self.Satisfaction._hid_answer_by_token(
            token, "hayir", "2", "Olmadı", now=CLOSED + 6 * DAY)
        self.assertFalse(result["reopened"])
        self.assertTrue(result["review"])
        self.assertEqual(ticket.stage_code, "closed", "after the window nothing reopens")
        self.assertTrue(record.review_needed)
        with self.assertRaises(AccessError):
            record.sudo(self.agent).action_mark_reviewed()
        record.sudo(self.staff).action_mark_reviewed()
        self.assertFalse(record.review_needed)
        self.assertEqual(record.reviewed_by_id, self.staff)

    def test_reopen_path_checks_its_token(self):
        ticket = self.closed_ticket()
        record, token = self.send(ticket)
        record.sudo().write({"solved": "hayir", "answer_channel": "link"})
        self.assertFalse(ticket._hid_reopen_by_citizen_survey(
            record, sat.new_token(), "", now=CLOSED + DAY), "another token opens nothing")
        other = self.closed_ticket()
        self.assertFalse(other._hid_reopen_by_citizen_survey(
            record, token, "", now=CLOSED + DAY), "nor another application")
        self.assertEqual((ticket.stage_code, other.stage_code), ("closed", "closed"))

    def test_context_keys_grant_nothing(self):
        ticket = self.closed_ticket()
        with self.assertRaises(AccessError):
            ticket.sudo(self.fen_user).with_context(
                hid_anket_citizen=True, hid_workflow=True).action_reopen("itiraz")
        with self.assertRaises(AccessError):
            self.Satisfaction.sudo(self.fen_user).with_context(hid_system=True).create(
                {"ticket_id": ticket.id, "closure_seq": 5})


class TestPhoneAnswer(AnketCase):

    def test_agent_records_phone_answer_and_reopens(self):
        # Yeniden Aç measures its window against the real clock: closed two days ago.
        ticket = self.closed_ticket(when=fields.Datetime.to_string(
            datetime.datetime.utcnow() - 2 * DAY))
        record = self.survey_of(ticket)
        wizard = self.env["hid.anket.phone.answer"].sudo(self.agent).create({
            "satisfaction_id": record.id, "solved": "hayir", "score": "2",
            "comment": "Telefonda söyledi"})
        wizard.action_confirm()
        self.assertEqual((record.answer_channel, record.recorded_by_id),
                         ("phone", self.agent), "marked as given on the phone, by whom")
        self.assertEqual(record.state, "answered")
        self.assertTrue(record.reopened)
        self.assertEqual(ticket.stage_code, "routed")
        reopen = ticket.havale_ids.filtered(lambda h: h.kind == "reopen")
        self.assertEqual(reopen.user_id, self.agent, "the agent's own Yeniden Aç")

    def test_only_directorate_records_phone_answers(self):
        ticket = self.closed_ticket()
        record = self.survey_of(ticket)
        with self.assertRaises(AccessError):
            record.sudo(self.fen_user)._hid_answer_by_phone("evet", "5", "")
        with self.assertRaises(AccessError):
            record.sudo(self.manager)._hid_answer_by_phone("evet", "5", "")
        record.sudo(self.agent)._hid_answer_by_phone("evet", "5", "")
        with self.assertRaises(UserError):
            record.sudo(self.agent)._hid_answer_by_phone("hayir", "1", "")
