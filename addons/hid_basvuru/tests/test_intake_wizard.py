# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common_ticket import HidTicketCase


class TestIntakeScreen(HidTicketCase):

    def wizard(self, **vals):
        values = {"name": "Çöp alınmadı", "description": "Üç gündür",
                  "category_id": self.cat_cop.id, "kvkk_notice_given": True}
        values.update(vals)
        return self.env["hid.basvuru.intake"].sudo(self.agent).create(values)

    def test_known_caller_found_by_phone_with_history(self):
        earlier = self.intake()
        intake = self.env["hid.basvuru.intake"].sudo(self.agent).new(
            {"phone": "+90 (532) 111-22-33"})
        intake._onchange_find_citizen()
        self.assertEqual(intake.partner_id, self.citizen, "found by the number as typed")
        self.assertIn(earlier, intake.partner_ticket_ids, "their past applications are shown")

    def test_known_caller_found_by_tckn(self):
        intake = self.env["hid.basvuru.intake"].sudo(self.agent).new({"tckn": "100 000 001 46"})
        intake._onchange_find_citizen()
        self.assertEqual(intake.partner_id, self.citizen)

    def test_new_citizen_and_application_in_one_save(self):
        action = self.wizard(phone="0533 444 55 66", new_name="Hasan Öz").action_save()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(ticket.partner_id.name, "Hasan Öz")
        self.assertEqual(ticket.partner_id.mobile, "+905334445566", "stored as E.164")
        self.assertTrue(ticket.partner_id.hid_citizen)
        self.assertEqual(ticket.team_id, self.tem, "the category proposed the müdürlük")

    def test_existing_citizen_is_not_duplicated(self):
        Partner = self.env["res.partner"]
        before = Partner.search_count([("hid_citizen", "=", True)])
        self.wizard(phone="0532 111 22 33", new_name="Fatma Yılmaz").action_save()
        self.assertEqual(Partner.search_count([("hid_citizen", "=", True)]), before)

    def test_bad_input_saves_nothing(self):
        Partner, Ticket = self.env["res.partner"], self.env["helpdesk.ticket"]
        partners, tickets = Partner.search_count([]), Ticket.search_count([])
        for vals, error in [
            ({"phone": "0532 12", "new_name": "Kısa Numara"}, ValidationError),
            ({"phone": "0533 444 55 67", "new_name": "Ali Veli", "tckn": "12345678901"},
             ValidationError),
            ({"phone": "0533 444 55 68", "new_name": "KVKK Yok", "kvkk_notice_given": False},
             ValidationError),
            ({"phone": "0533 444 55 69"}, UserError),
        ]:
            wizard = self.wizard(**vals)
            with self.assertRaises(error, msg=str(vals)), self.env.cr.savepoint():
                wizard.action_save()
        self.assertEqual((Partner.search_count([]), Ticket.search_count([])),
                         (partners, tickets), "no half-saved citizen or application")

    def test_anonymous_application(self):
        action = self.wizard(anonymous=True, kvkk_notice_given=False).action_save()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertFalse(ticket.partner_id)
        self.assertTrue(ticket.anonymous)
