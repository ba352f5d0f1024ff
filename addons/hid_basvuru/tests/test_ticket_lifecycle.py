# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import re

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common_ticket import HidTicketCase


class TestIntake(HidTicketCase):

    def test_number_per_year_consecutive(self):
        first, second = self.intake(), self.intake()
        self.assertRegex(first.number, r"^\d{4}-\d{6}$", "tracking number like 2026-000123")
        year, n = first.number.split("-")
        self.assertEqual(second.number, "%s-%06d" % (year, int(n) + 1), "no gap between two")

    def test_agent_without_email_can_register(self):
        self.agent.partner_id.email = False
        ticket = self.intake()
        self.assertTrue(ticket.message_ids, "the intake notice was posted")
        self.assertTrue(ticket.sudo(self.agent).message_post(body="Arayan bilgilendirildi"))

    def test_category_proposes_mudurluk_and_routes(self):
        ticket = self.intake(category_id=self.cat_cop.id)
        self.assertEqual(ticket.team_id, self.tem, "çöp goes to Temizlik İşleri")
        self.assertEqual(ticket.stage_code, "routed")
        self.assertEqual(ticket.havale_ids.mapped("kind"), ["havale"])
        self.assertEqual(ticket.havale_ids.to_team_id, self.tem)
        self.assertIn(self.tem_user.partner_id, ticket.message_partner_ids,
                      "the müdürlük follows what is routed to it")
        self.assertEqual(ticket.mahalle_id, self.citizen.mahalle_id,
                         "the citizen's mahalle is the default location")

    def test_without_mudurluk_waits_at_him(self):
        ticket = self.intake(category_id=False)
        self.assertFalse(ticket.team_id)
        self.assertEqual(ticket.stage_code, "new")

    def test_kvkk_notice_required_for_named_applicant(self):
        with self.assertRaises(ValidationError):
            self.intake(kvkk_notice_given=False)
        anonymous = self.intake(partner_id=False, anonymous=True, kvkk_notice_given=False)
        self.assertEqual(anonymous.applicant_summary, "Anonymous")

    def test_every_application_has_a_type(self):
        ticket = self.intake(basvuru_type_id=False)
        self.assertEqual(ticket.basvuru_type_id, self.talep, "talep unless told otherwise")
        with self.assertRaises(ValidationError):
            ticket.sudo(self.staff).write({"basvuru_type_id": False})

    def test_ihbar_is_confidential_by_default(self):
        ticket = self.intake(basvuru_type_id=self.env.ref("hid_basvuru.type_ihbar").id)
        self.assertTrue(ticket.confidential)

    def test_same_cimer_number_is_the_same_case(self):
        original = self.intake(channel_id=self.cimer.id, cimer_no="2026-CIM-77")
        again = self.intake(channel_id=self.cimer.id, cimer_no=" 2026-CIM-77 ",
                            category_id=self.cat_cop.id)
        self.assertEqual(again.duplicate_of_id, original, "linked to its original, not lost")
        self.assertIn(again, original.duplicate_ids)
        self.assertIn(again.number, original.message_ids[0].body)

    def test_possible_duplicates_shown_at_intake(self):
        earlier = self.intake()
        mahalle = self.env.ref("hid_basvuru.mahalle_emek")
        first = self.intake(partner_id=False, anonymous=True, mahalle_id=mahalle.id)
        old = self.intake(partner_id=False, anonymous=True, mahalle_id=mahalle.id,
                          received_date=fields.Datetime.to_string(
                              datetime.datetime.now() - datetime.timedelta(days=45)))
        second = self.intake(partner_id=False, anonymous=True, mahalle_id=mahalle.id)
        self.assertIn(first, second.possible_duplicate_ids, "same category and mahalle lately")
        self.assertNotIn(old, second.possible_duplicate_ids, "not older than 30 days")
        by_citizen = self.intake(category_id=self.cat_cop.id)
        self.assertIn(earlier, by_citizen.possible_duplicate_ids,
                      "the same citizen's other applications")


class TestRouting(HidTicketCase):

    def test_havale_only_by_staff_and_kept_in_history(self):
        ticket = self.intake(category_id=False)
        with self.assertRaises(AccessError):
            ticket.sudo(self.agent).action_havale(self.fen)
        ticket.sudo(self.staff).action_havale(self.fen, "Acil bakılsın")
        self.assertEqual(ticket.team_id, self.fen)
        line = ticket.havale_ids.filtered(lambda h: h.kind == "havale")
        self.assertEqual((line.to_team_id, line.user_id, line.note),
                         (self.fen, self.staff, "Acil bakılsın"))
        with self.assertRaises(UserError, msg="routing is an action, not a field to write"):
            ticket.sudo(self.fen_user).write({"team_id": self.tem.id})

    def test_iade_by_the_mudurluk_with_reason(self):
        ticket = self.intake()
        with self.assertRaises(UserError):
            ticket.sudo(self.fen_user).action_iade("  ")
        with self.assertRaises(AccessError):
            ticket.sudo(self.tem_user).action_iade("Bizim değil")
        ticket.sudo(self.fen_user).action_iade("Özel mülk, belediyenin değil")
        self.assertEqual((ticket.team_id, ticket.stage_code), (self.him, "new"))
        iade = ticket.havale_ids.filtered(lambda h: h.kind == "iade")
        self.assertEqual((iade.from_team_id, iade.user_id), (self.fen, self.fen_user))

    def test_sevk_closes_with_institution(self):
        ticket = self.intake()
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_sevk("")
        ticket.sudo(self.staff).action_sevk("İSKİ", "Kanalizasyon İSKİ'nin görevi")
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.closure_state, "sevk_edildi")
        self.assertEqual(ticket.havale_ids.filtered(lambda h: h.kind == "sevk").institution,
                         "İSKİ")


class TestAnswerAndClose(HidTicketCase):

    def test_mudurluk_answers_him_closes(self):
        ticket = self.intake()
        ticket.sudo(self.fen_user).action_start()
        self.assertEqual(ticket.stage_code, "in_progress")
        ticket.sudo(self.fen_user).action_answer("Çukur 3 gün içinde kapatılacak.")
        self.assertEqual((ticket.stage_code, ticket.answer_user_id), ("answered", self.fen_user))
        for user in (self.fen_user, self.fen_manager, self.agent):
            with self.assertRaises(AccessError, msg="%s cannot close" % user.login):
                ticket.sudo(user).action_close("cozuldu")
        ticket.sudo(self.staff).action_close("programa_alindi", "Programda")
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.closure_state, "programa_alindi")
        self.assertTrue(ticket.closed_date)

    def test_honest_closure_needs_an_answer(self):
        ticket = self.intake()
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_close("cozuldu")
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_close("mukerrer")
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_close("anything")
        self.assertFalse(ticket.closed, "nothing half-done after refused closures")

    def test_stage_cannot_be_forced_to_closed(self):
        ticket = self.intake()
        closed = ticket._stage("closed")
        for user in (self.staff, self.fen_user):
            with self.assertRaises(UserError):
                ticket.sudo(user).write({"stage_id": closed.id})
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).write({"closure_state": "cozuldu"})

    def test_mark_duplicate_closes_as_mukerrer(self):
        original, copy = self.intake(), self.intake()
        copy.sudo(self.staff).action_mark_duplicate(original)
        self.assertEqual((copy.closure_state, copy.duplicate_of_id), ("mukerrer", original))
        with self.assertRaises(UserError):
            original.sudo(self.staff).action_mark_duplicate(original)

    def test_reopen_within_allowed_days(self):
        ticket = self.intake()
        ticket.sudo(self.fen_user).action_answer("Yapıldı")
        ticket.sudo(self.staff).action_close("cozuldu")
        with self.assertRaises(AccessError):
            ticket.sudo(self.fen_user).action_reopen("İtiraz")
        with self.assertRaises(UserError):
            ticket.sudo(self.agent).action_reopen("")
        ticket.sudo(self.agent).action_reopen("Vatandaş: çukur hâlâ duruyor")
        self.assertEqual((ticket.stage_code, ticket.reopen_count, ticket.closure_state),
                         ("routed", 1, False))
        self.assertEqual(ticket.havale_ids.filtered(lambda h: h.kind == "reopen").note,
                         "Vatandaş: çukur hâlâ duruyor")
        with self.assertRaises(UserError):
            ticket.sudo(self.agent).action_reopen("Açık olanı tekrar açma")

    def test_reopen_refused_after_the_window(self):
        ticket = self.intake()
        ticket.sudo(self.fen_user).action_answer("Yapıldı")
        ticket.sudo(self.staff).action_close("cozuldu")
        self.env["ir.config_parameter"].sudo().set_param("hid_basvuru.reopen_days", "10")
        ticket._workflow_write({"closed_date": fields.Datetime.to_string(
            datetime.datetime.utcnow() - datetime.timedelta(days=11))})
        with self.assertRaises(UserError):
            ticket.sudo(self.agent).action_reopen("Geç itiraz")

    def test_assignment_by_the_mudurluk_manager(self):
        ticket = self.intake()
        with self.assertRaises(AccessError):
            ticket.sudo(self.fen_user).write({"user_id": self.fen_user.id})
        ticket.sudo(self.fen_manager).write({"user_id": self.fen_user.id})
        self.assertEqual(ticket.user_id, self.fen_user)


class TestIdentityMasking(HidTicketCase):

    def test_mudurluk_sees_masked_applicant_only(self):
        ticket = self.intake()
        as_fen = ticket.sudo(self.fen_user)
        self.assertEqual(as_fen.applicant_summary, "Fatma Yılmaz (100******46)")
        with self.assertRaises(AccessError):
            as_fen.read(["partner_id"])
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].sudo(self.fen_user).search_read(
                [("id", "=", ticket.id)], ["partner_id", "partner_name"])
        with self.assertRaises(AccessError):
            as_fen.export_data(["partner_id/name"])
        with self.assertRaises(AccessError):
            self.citizen.sudo(self.fen_user).read(["name"])

    def test_confidential_identity_hidden(self):
        ticket = self.intake(confidential=True)
        as_fen = ticket.sudo(self.fen_user)
        self.assertEqual(as_fen.applicant_summary, "Confidential: identity hidden")
        self.assertFalse(as_fen.applicant_phone)
        messages = self.env["mail.message"].sudo(self.fen_user).search_read(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)], ["body"])
        self.assertTrue(messages, "the müdürlük sees the chatter")
        for message in messages:
            self.assertNotIn("Yılmaz", message["body"], "no identity in the chatter")
        self.assertIn("Fatma", ticket.sudo(self.agent).applicant_summary,
                      "the directorate still knows who applied")

    def test_other_mudurluk_sees_nothing(self):
        ticket = self.intake()
        Ticket = self.env["helpdesk.ticket"].sudo(self.tem_user)
        self.assertFalse(Ticket.search([("id", "=", ticket.id)]))
        self.assertEqual(Ticket.search_count([("id", "=", ticket.id)]), 0)
        with self.assertRaises(AccessError):
            ticket.sudo(self.tem_user).read(["name"])
        with self.assertRaises(AccessError):
            ticket.sudo(self.tem_user).write({"answer": "x"})
        history = self.env["hid.havale"].sudo(self.tem_user).search(
            [("ticket_id", "=", ticket.id)])
        self.assertFalse(history, "nor its routing history")

    def test_number_format_regex_is_sane(self):
        self.assertTrue(re.match(r"^\d{4}-\d{6}$", self.intake().number))
