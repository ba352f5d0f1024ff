# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import HidDanismaCase


class TestVisit(HidDanismaCase):

    # --- the quick entry ---

    def test_known_citizen_found_by_phone(self):
        visit = self.visit(phone="+90 532 111 2233")
        self.assertEqual(visit.phone, "+905321112233", "the phone is stored in E.164")
        self.assertEqual(visit.partner_id, self.citizen,
                         "a known number finds the citizen, as at intake")
        self.assertEqual(visit.state, "in")
        self.assertEqual(visit.user_id, self.agent)
        self.assertTrue(visit.check_in and visit.visit_date)

    def test_onchange_phone_fills_citizen_and_name(self):
        visit = self.Visit.sudo(self.agent).new({"phone": "0532 111 22 33"})
        visit._onchange_phone()
        visit._onchange_partner_id()
        self.assertEqual(visit.partner_id, self.citizen)
        self.assertEqual(visit.visitor_name, "Fatma Yılmaz")

    def test_anonymous_visitor(self):
        visit = self.visit(phone=False, note=False, assistance_ids=[])
        self.assertFalse(visit.partner_id)
        self.assertFalse(visit.visitor_name, "a visitor need not give a name")

    def test_bad_phone_refused_in_turkish(self):
        count = self.Visit.sudo().search_count([])
        with self.assertRaises(ValidationError) as err:
            self.visit(phone="0532 abc")
        self.assertIn("letters", str(err.exception.name))
        with self.assertRaises(ValidationError) as err:
            self.Visit.sudo(self.agent).with_context(lang="tr_TR").create({
                "purpose_id": self.p_bilgi.id, "phone": "12"})
        self.assertIn("Telefon", err.exception.name, "the error is in Turkish")
        self.assertIn("geçerli bir telefon numarası değil", err.exception.name)
        self.assertEqual(self.Visit.sudo().search_count([]), count, "nothing saved")

    def test_check_out(self):
        visit = self.visit()
        visit.sudo(self.agent).action_check_out()
        self.assertEqual(visit.state, "out")
        self.assertTrue(visit.check_out)
        self.assertGreaterEqual(visit.duration, 0.0)
        with self.assertRaises(UserError):
            visit.sudo(self.agent).action_check_out()

    def test_time_out_before_time_in_refused(self):
        visit = self.visit(check_in="2026-12-01 09:00:00")
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                visit.sudo(self.agent).write({"check_out": "2026-12-01 08:59:00"})
        visit.invalidate_cache()
        self.assertFalse(visit.check_out)

    def test_visit_date_is_istanbul_day(self):
        visit = self.visit(check_in="2026-12-01 22:30:00")  # 01:30 on the 2nd in Istanbul
        self.assertEqual(visit.visit_date, "2026-12-02")

    def test_label_has_no_personal_data(self):
        visit = self.visit(visitor_name="Ahmet Kaya", check_in="2026-12-01 07:05:00")
        label = visit.sudo(self.agent).name_get()[0][1]
        self.assertIn("01.12.2026 10:05", label)
        self.assertNotIn("Ahmet", label)
        self.assertNotIn("Fatma", label)

    # --- links are the conversions' own ---

    def test_links_not_set_by_hand(self):
        ticket = self.intake()
        visit = self.visit()
        for vals in ({"ticket_id": ticket.id}, {"outcome": "application"}):
            with self.assertRaises(UserError):
                visit.sudo(self.agent).write(vals)
            with self.assertRaises(UserError):
                self.visit(**vals)
        self.assertFalse(visit.ticket_id)

    # --- into an application ---

    def test_to_application_through_intake(self):
        visit = self.visit(visitor_name="Fatma Yılmaz")
        intake = self.open_intake(visit)
        self.assertEqual(intake.hid_visit_id, visit)
        self.assertEqual(intake.partner_id, self.citizen)
        self.assertEqual(intake.channel_id, self.sahsen, "channel Şahsen / Danışma")
        self.assertEqual(intake.team_id, self.fen)
        self.assertEqual(intake.name, "Başvuru")
        self.assertEqual(intake.description, "Sokak lambası yanmıyor")
        action = intake.action_save()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertRegex(ticket.number, r"^\d{4}-\d{6}$", "numbered as every application")
        self.assertEqual(ticket.channel_id, self.sahsen)
        self.assertEqual(ticket.partner_id, self.citizen)
        self.assertEqual(ticket.team_id, self.fen, "routed at intake")
        self.assertEqual(ticket.stage_id, self.env.ref("hid_basvuru.stage_routed"))
        self.assertEqual(ticket.sudo(self.agent).hid_visit_id, visit, "ticket -> visit")
        self.assertEqual(visit.ticket_id, ticket, "visit -> ticket")
        self.assertEqual(visit.sudo(self.agent).ticket_number, ticket.number)
        self.assertEqual(visit.outcome, "application")
        self.assertTrue(self.env["hid.sms"].sudo().search([("ticket_id", "=", ticket.id)]),
                        "the intake SMS is queued as for every application")

    def test_new_citizen_from_visit(self):
        visit = self.visit(phone="0533 444 55 66", visitor_name="Ali Demir")
        self.assertFalse(visit.partner_id)
        intake = self.open_intake(visit)
        self.assertEqual(intake.new_name, "Ali Demir")
        ticket = self.env["helpdesk.ticket"].browse(intake.action_save()["res_id"])
        self.assertEqual(ticket.partner_id.name, "Ali Demir")
        self.assertEqual(ticket.partner_id.mobile, "+905334445566")
        self.assertEqual(visit.ticket_id, ticket)

    def test_kvkk_missing_nothing_half_saved(self):
        visit = self.visit(phone="0533 444 55 67", visitor_name="Ali Demir")
        action = visit.sudo(self.agent).action_to_application()
        intake = self.env["hid.basvuru.intake"].sudo(self.agent).with_context(
            **action["context"]).create({})
        partners = self.env["res.partner"].sudo().search_count([])
        tickets = self.env["helpdesk.ticket"].sudo().search_count([])
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                intake.action_save()
        self.assertEqual(self.env["res.partner"].sudo().search_count([]), partners)
        self.assertEqual(self.env["helpdesk.ticket"].sudo().search_count([]), tickets)
        self.assertFalse(visit.ticket_id)
        self.assertFalse(visit.outcome)

    def test_direct_create_links_and_defaults_channel(self):
        visit = self.visit()
        ticket = self.intake(hid_visit_id=visit.id, channel_id=False)
        self.assertEqual(ticket.channel_id, self.sahsen)
        self.assertEqual(visit.ticket_id, ticket)

    def test_converted_twice_refused(self):
        visit = self.visit()
        first = self.intake(hid_visit_id=visit.id)
        tickets = self.env["helpdesk.ticket"].sudo().search_count([])
        with self.assertRaises(UserError) as err:
            self.intake(hid_visit_id=visit.id)
        self.assertIn(first.number, err.exception.name)
        with self.assertRaises(UserError):
            visit.sudo(self.agent).action_to_application()
        self.assertEqual(self.env["helpdesk.ticket"].sudo().search_count([]), tickets,
                         "the second application was not saved")
        self.assertEqual(visit.ticket_id, first)

    def test_ticket_link_never_rewritten(self):
        visit, other = self.visit(), self.visit()
        ticket = self.intake(hid_visit_id=visit.id)
        for user in (self.agent, self.staff, self.director):
            with self.assertRaises((AccessError, UserError, ValidationError)):
                with mute_logger("odoo.models"):
                    ticket.sudo(user).write({"hid_visit_id": other.id})
        self.assertEqual(ticket.hid_visit_id, visit)

    def test_converted_visit_not_deleted(self):
        visit = self.visit()
        self.intake(hid_visit_id=visit.id)
        with self.assertRaises(UserError):
            visit.sudo(self.agent).unlink()
        with self.assertRaises(UserError):
            visit.sudo(self.agent).write({"outcome": "informed"})
        plain = self.visit()
        plain.sudo(self.agent).unlink()
        self.assertFalse(plain.exists())

    # --- into a document ---

    def test_to_document_prefilled_and_linked(self):
        visit = self.visit(purpose_id=self.p_evrak.id, note="Kaldırım dilekçesi\nek: foto")
        action = visit.sudo(self.clerk).action_to_document()
        Evrak = self.env["hid.evrak"].sudo(self.clerk).with_context(**action["context"])
        defaults = Evrak.default_get(["hid_visit_id", "sender_id", "subject", "gelis_sekli",
                                      "evrak_type"])
        self.assertEqual(defaults["hid_visit_id"], visit.id)
        self.assertEqual(defaults["sender_id"], self.citizen.id)
        self.assertEqual(defaults["subject"], "Kaldırım dilekçesi")
        self.assertEqual(defaults["gelis_sekli"], "elden")
        evrak = Evrak.create(dict(defaults, kvkk_notice_given=True, sdp_id=self.sdp.id))
        self.assertRegex(evrak.name, r"^\d{4}/\d{6}$")
        self.assertEqual(evrak.hid_visit_id, visit, "document -> visit")
        self.assertEqual(visit.evrak_id, evrak, "visit -> document")
        self.assertEqual(visit.outcome, "document")
        # a citizen's petition is an application: the visit names it too
        self.assertTrue(evrak.ticket_id)
        self.assertEqual(visit.ticket_id, evrak.ticket_id)
        self.assertEqual(evrak.sudo().ticket_id.hid_visit_id, visit)
        with self.assertRaises(UserError):
            visit.sudo(self.clerk).action_to_document()

    def test_document_bad_input_nothing_half_saved(self):
        visit = self.visit(purpose_id=self.p_evrak.id)
        evraks = self.env["hid.evrak"].sudo().search_count([])
        tickets = self.env["helpdesk.ticket"].sudo().search_count([])
        with self.assertRaises(ValidationError) as err:
            with self.env.cr.savepoint():
                self.register(hid_visit_id=visit.id, sender_id=self.citizen.id,
                              evrak_type="dilekce")  # no KVKK notice
        self.assertIn("KVKK", err.exception.name)
        self.assertEqual(self.env["hid.evrak"].sudo().search_count([]), evraks)
        self.assertEqual(self.env["helpdesk.ticket"].sudo().search_count([]), tickets)
        self.assertFalse(visit.evrak_id)
        self.assertFalse(visit.ticket_id)

    def test_document_link_not_rewritten(self):
        visit, other = self.visit(purpose_id=self.p_evrak.id), self.visit()
        evrak = self.register(hid_visit_id=visit.id)
        with self.assertRaises((AccessError, UserError)):
            evrak.sudo(self.clerk).write({"hid_visit_id": other.id})
        self.assertEqual(evrak.hid_visit_id, visit)
        self.assertFalse(evrak.ticket_id, "an institution's letter opens no application")

    def test_defaults_ignore_converted_or_foreign_visit(self):
        visit = self.visit(purpose_id=self.p_evrak.id)
        self.register(hid_visit_id=visit.id)
        Evrak = self.env["hid.evrak"].sudo(self.clerk).with_context(
            hid_danisma_visit_id=visit.id)
        self.assertFalse(Evrak.default_get(["hid_visit_id"]).get("hid_visit_id"),
                         "a converted visit prefills nothing")
        hidden = self.visit(purpose_id=self.p_bilgi.id)
        Evrak = Evrak.with_context(hid_danisma_visit_id=hidden.id)
        self.assertFalse(Evrak.default_get(["hid_visit_id", "sender_id"]),
                         "a visit the registry may not read prefills nothing")

    def test_desk_staff_is_who_recorded(self):
        visit = self.Visit.sudo(self.agent).create({
            "purpose_id": self.p_bilgi.id, "user_id": self.staff.id})
        self.assertEqual(visit.user_id, self.agent)
        with self.assertRaises(UserError):
            visit.sudo(self.staff).write({"user_id": self.staff.id})
        self.assertEqual(visit.user_id, self.agent)

    def test_intake_names_a_visit_for_the_desk_only(self):
        visit = self.visit()
        with self.assertRaises(AccessError):
            self.env["hid.basvuru.intake"].sudo(self.fen_user).create({
                "hid_visit_id": visit.id, "name": "x", "description": "x"})
        intake = self.env["hid.basvuru.intake"].sudo(self.fen_user).with_context(
            hid_danisma_visit_id=visit.id).create({"name": "x", "description": "x"})
        self.assertFalse(intake.hid_visit_id, "a müdürlük's screen is not filled from it")

    def test_petition_joins_the_visits_application(self):
        visit = self.visit(purpose_id=self.p_evrak.id)
        ticket = self.intake(hid_visit_id=visit.id)
        action = visit.sudo(self.clerk).action_to_document()
        Evrak = self.env["hid.evrak"].sudo(self.clerk).with_context(**action["context"])
        defaults = Evrak.default_get(["hid_visit_id", "sender_id", "subject", "ticket_id",
                                      "evrak_type"])
        self.assertEqual(defaults["ticket_id"], ticket.id)
        tickets = self.env["helpdesk.ticket"].sudo().search_count([])
        evrak = Evrak.create(dict(defaults, kvkk_notice_given=True))
        self.assertEqual(evrak.ticket_id, ticket, "no second application for one visit")
        self.assertEqual(self.env["helpdesk.ticket"].sudo().search_count([]), tickets)
        self.assertEqual((visit.ticket_id, visit.evrak_id), (ticket, evrak))
        self.assertEqual(ticket.evrak_no, evrak.name)
