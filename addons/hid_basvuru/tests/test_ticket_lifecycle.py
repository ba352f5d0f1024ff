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
        self.assertEqual(self.deliver_notifications(), 1, "signed by the agent")
        self.assertTrue(ticket.message_ids, "the intake notice was posted")
        self.assertTrue(ticket.sudo(self.agent).message_post(body="Arayan bilgilendirildi"))

    def test_category_proposes_mudurluk_and_routes(self):
        ticket = self.intake(category_id=self.cat_cop.id)
        self.deliver_notifications()
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
        self.assertEqual(as_fen.applicant_phone, "0532 111 22 33",
                         "the phone as people here write it (stored +905321112233)")
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
        self.deliver_notifications()
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


class TestWorkflowGuard(HidTicketCase):
    """Nothing the client sends grants a right: plain writes are an allow-list per role."""

    def test_context_key_grants_nothing(self):
        ticket = self.intake()
        as_fen = ticket.sudo(self.fen_user).with_context(hid_workflow=True)
        closed = ticket._stage("closed")
        with self.assertRaises(UserError):
            as_fen.write({"stage_id": closed.id, "closure_state": "cozuldu"})
        with self.assertRaises(UserError):
            as_fen.write({"team_id": self.tem.id})
        with self.assertRaises(UserError, msg="not even the directorate, not even sudo"):
            ticket.with_context(hid_workflow=True).write({"stage_id": closed.id})
        self.assertEqual((ticket.team_id, ticket.stage_code), (self.fen, "routed"))

    def test_intake_fields_only_for_directorate_staff(self):
        ticket = self.intake(confidential=True)
        for user in (self.fen_user, self.fen_manager, self.agent):
            for vals in ({"confidential": False}, {"anonymous": True},
                         {"received_date": "2026-01-01 09:00:00"},
                         {"basvuru_type_id": self.env.ref("hid_basvuru.type_oneri").id},
                         {"category_id": self.cat_cop.id}, {"channel_id": self.cimer.id},
                         {"mahalle_id": self.env.ref("hid_basvuru.mahalle_emek").id},
                         {"kvkk_notice_given": False}, {"description": "<p>başka</p>"}):
                with self.assertRaises(AccessError, msg="%s: %s" % (user.login, vals)):
                    ticket.sudo(user).write(vals)
        self.assertTrue(ticket.confidential)
        ticket.sudo(self.staff).write({"received_date": "2026-01-02 09:00:00",
                                       "mahalle_id": self.env.ref("hid_basvuru.mahalle_emek").id})
        self.assertEqual(ticket.received_date, "2026-01-02 09:00:00")

    def test_nobody_changes_the_tracking_number(self):
        ticket = self.intake()
        number = ticket.number
        for user in (self.fen_user, self.agent, self.staff, self.director):
            with self.assertRaises(UserError, msg=user.login):
                ticket.sudo(user).write({"number": "2026-999999"})
        with self.assertRaises(UserError):
            ticket.write({"number": "2026-999999"})
        self.assertEqual(ticket.number, number)

    def test_mudurluk_writes_answer_attachments_and_chatter(self):
        ticket = self.intake()
        as_fen = ticket.sudo(self.fen_user)
        as_fen.write({"answer": "Taslak cevap", "priority": "2"})
        attachment = self.env["ir.attachment"].sudo(self.fen_user).create(
            {"name": "foto.txt", "datas": "eA==", "res_model": "helpdesk.ticket"})
        as_fen.write({"attachment_ids": [(4, attachment.id)]})
        as_fen.message_post(body="Ekip yola çıktı", subtype="mail.mt_note")
        as_fen.message_subscribe(partner_ids=self.fen_manager.partner_id.ids)
        self.env["mail.activity"].sudo(self.fen_user).create({
            "res_model_id": self.env["ir.model"]._get("helpdesk.ticket").id,
            "res_id": ticket.id, "summary": "Keşif", "user_id": self.fen_user.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id})
        self.assertEqual((ticket.answer, ticket.priority), ("Taslak cevap", "2"))
        self.assertIn(attachment, ticket.attachment_ids)
        ticket.sudo(self.fen_user).action_answer("Cevap")
        ticket.sudo(self.staff).action_close("cozuldu")
        with self.assertRaises(UserError, msg="the answer of a closed case is what was sent"):
            ticket.sudo(self.fen_user).write({"answer": "Sonradan değiştirilmiş"})

    def test_manager_assigns_only_members(self):
        ticket = self.intake()
        with self.assertRaises(UserError):
            ticket.sudo(self.fen_manager).write({"user_id": self.tem_user.id})
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).write({"user_id": self.tem_user.id})
        with self.assertRaises(AccessError):
            ticket.sudo(self.fen_user).write({"user_id": self.fen_user.id})
        ticket.sudo(self.fen_manager).write({"user_id": self.fen_user.id})
        self.assertEqual(ticket.user_id, self.fen_user)
        ticket.sudo(self.fen_manager).write({"user_id": False})
        self.assertFalse(ticket.user_id)

    def test_create_does_not_choose_workflow_fields(self):
        closed = self.env.ref("hid_basvuru.stage_closed")
        for vals in ({"stage_id": closed.id}, {"closure_state": "cozuldu"},
                     {"number": "2026-000001"}, {"answer_user_id": self.fen_user.id}):
            with self.assertRaises(UserError, msg=vals):
                self.intake(**vals)
        routed = self.intake(team_id=self.tem.id, category_id=False)
        self.assertEqual((routed.team_id, routed.stage_code), (self.tem, "routed"))

    def test_copy_is_a_new_application(self):
        ticket = self.intake()
        ticket.sudo(self.fen_user).action_answer("Yapıldı")
        ticket.sudo(self.staff).action_close("cozuldu")
        copy = ticket.sudo(self.agent).copy()
        self.assertRegex(copy.number, r"^\d{4}-\d{6}$")
        self.assertNotEqual(copy.number, ticket.number)
        self.assertEqual((copy.stage_code, copy.closure_state), ("routed", False))

    def test_call_centre_cannot_start_work(self):
        ticket = self.intake()
        for user in (self.agent, self.staff, self.tem_user):
            with self.assertRaises(AccessError, msg=user.login):
                ticket.sudo(user).action_start()
        ticket.sudo(self.fen_user).action_start()
        with self.assertRaises(UserError):
            ticket.sudo(self.fen_user).action_start()

    def test_actions_accept_ids_over_rpc(self):
        ticket = self.intake(category_id=False)
        ticket.sudo(self.staff).action_havale(self.tem.id)
        self.assertEqual(ticket.team_id, self.tem)
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_havale(False)


class TestButtons(HidTicketCase):
    """The form offers what the lifecycle table allows the user looking at it."""

    def allowed(self, ticket, user):
        return set(ticket.sudo(user).hid_allowed_actions.split())

    def test_buttons_per_role_and_stage(self):
        ticket = self.intake()
        self.assertEqual(self.allowed(ticket, self.agent), set(),
                         "no İşe Başla for the call centre")
        self.assertEqual(self.allowed(ticket, self.fen_user), {"start", "answer", "iade"})
        self.assertEqual(self.allowed(ticket, self.fen_manager),
                         {"start", "answer", "iade", "assign"})
        self.assertTrue({"havale", "sevk", "close", "extend"} <= self.allowed(ticket, self.staff))
        self.assertNotIn("start", self.allowed(ticket, self.staff))
        self.assertFalse(ticket.sudo(self.agent).hid_can_start)
        self.assertTrue(ticket.sudo(self.fen_user).hid_can_start)
        self.assertFalse(ticket.sudo(self.fen_user).hid_can_edit_intake)
        self.assertTrue(ticket.sudo(self.staff).hid_can_edit_intake)
        ticket.sudo(self.fen_user).action_answer("Yapıldı")
        ticket.sudo(self.staff).action_close("cozuldu")
        ticket.invalidate_cache()
        self.assertEqual(self.allowed(ticket, self.agent), {"reopen"})
        self.assertEqual(self.allowed(ticket, self.fen_user), set())

    def test_a_member_of_another_mudurluk_is_no_mudurluk_user_here(self):
        ticket = self.intake()
        both = self.env["res.users"].create({
            "name": "Tem Ajan", "login": "t.tem.agent",
            "groups_id": [(6, 0, [self.env.ref("hid_basvuru.group_hid_agent").id,
                                  self.env.ref("hid_basvuru.group_hid_mudurluk_user").id])]})
        self.tem.user_ids = [(4, both.id)]
        self.assertEqual(self.allowed(ticket, both), set(), "sees it as an agent only")
        with self.assertRaises(AccessError):
            ticket.sudo(both).action_answer("Bizden cevap")


class TestActingAuthor(HidTicketCase):
    """What a workflow action writes in the chatter is signed by the user acting."""

    def new_messages(self, ticket, before):
        return ticket.message_ids.filtered(lambda m: m.id > before)

    def last_id(self):
        return self.env["mail.message"].search([], order="id desc", limit=1).id

    def assertAuthor(self, ticket, before, user):
        messages = self.new_messages(ticket, before)
        self.assertTrue(messages, "the action wrote in the chatter")
        self.assertEqual(messages.mapped("author_id"), user.partner_id,
                         "every line by %s, not %s" % (
                             user.login, messages.mapped("author_id.name")))

    def test_havale_iade_reopen_extend_duplicate(self):
        ticket = self.intake(category_id=False).with_context(tracking_disable=False)
        before = self.last_id()
        ticket.sudo(self.staff).action_havale(self.fen, "Acil")
        self.assertAuthor(ticket, before, self.staff)
        before = self.last_id()
        ticket.sudo(self.fen_user).action_iade("Bizim değil")
        self.assertAuthor(ticket, before, self.fen_user)
        before = self.last_id()
        ticket.sudo(self.staff).action_sevk("İSKİ")
        self.assertAuthor(ticket, before, self.staff)
        before = self.last_id()
        ticket.sudo(self.agent).action_reopen("Vatandaş itiraz etti")
        self.assertAuthor(ticket, before, self.agent)
        info = self.intake(basvuru_type_id=self.env.ref("hid_basvuru.type_bilgi_edinme").id,
                           received_date=fields.Datetime.now())
        before = self.last_id()
        info.sudo(self.staff).action_extend("Birden fazla birimden bilgi toplanıyor")
        self.assertAuthor(info, before, self.staff)
        original, copy = self.intake(), self.intake()
        before = self.last_id()
        copy.sudo(self.staff).action_mark_duplicate(original)
        self.assertAuthor(original, before, self.staff)

    def test_duplicate_note_at_intake(self):
        original = self.intake(channel_id=self.cimer.id, cimer_no="2026-CIM-88")
        before = self.last_id()
        self.intake(channel_id=self.cimer.id, cimer_no="2026-CIM-88")
        self.assertAuthor(original, before, self.agent)
