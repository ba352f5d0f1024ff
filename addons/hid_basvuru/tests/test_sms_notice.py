# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""What the pages say about SMS: the public pages say "will be sent" until the SMS is sent;
HİM staff and the director are warned while no SMS provider is configured, nobody else."""
from .common_ticket import HidTicketCase

IP = "203.0.113.77"


class TestSmsNotice(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"].sudo(cls.env.ref("base.public_user"))
        cls.params = cls.env["ir.config_parameter"].sudo()
        cls.params.set_param("hid_basvuru.sms_provider", "")

    def _apply(self, phone="0533 444 55 77"):
        return self.Ticket._hid_public_intake({
            "basvuru_type_id": str(self.talep.id), "category_id": str(self.cat_cukur.id),
            "mahalle_id": str(self.env.ref("hid_basvuru.mahalle_sarigazi").id),
            "description": "Sokak lambası yanmıyor.", "name": "Selin Ak", "phone": phone,
            "kvkk": "1"}, [], IP)

    def test_public_pages_say_will_be_sent_until_sent(self):
        receipt = self._apply()
        self.assertIs(receipt["sms_sent"], False, "queued: the page says it will be sent")
        ticket = self.env["helpdesk.ticket"].search([("number", "=", receipt["number"])])
        sms = self.env["hid.sms"].search([("ticket_id", "=", ticket.id)])
        self.assertEqual(sms.state, "queued")
        status = self.Ticket._hid_public_status(receipt["number"], "0533 444 55 77", IP)
        self.assertIs(status["sms_sent"], False)
        self.assertEqual(set(status) - {"sms_sent"}, {
            "number", "stage", "closed", "team", "received", "closed_date", "closure",
            "legal_deadline", "answer"}, "only that one value is added")
        sms.sudo().write({"state": "failed"})
        status = self.Ticket._hid_public_status(receipt["number"], "0533 444 55 77", IP)
        self.assertIsNone(status["sms_sent"], "a failed SMS is not promised")
        sms.sudo().write({"state": "queued"})
        sms.sudo().write({"state": "sent"})
        status = self.Ticket._hid_public_status(receipt["number"], "0533 444 55 77", IP)
        self.assertIs(status["sms_sent"], True, "sent: the page says it was sent")

    def test_landline_gets_no_sms_promise(self):
        receipt = self._apply(phone="0216 444 55 66")
        self.assertIsNone(receipt["sms_sent"])

    def test_provider_warning_for_him_staff_only(self):
        Sms = self.env["hid.sms"]
        for user in (self.staff, self.director):
            warning = Sms.sudo(user).hid_provider_warning()
            self.assertIn("No SMS provider is configured", warning, user.login)
            dashboard = self.env["hid.basvuru.dashboard"].sudo(user).create({})
            self.assertEqual(dashboard.sms_warning, warning)
        for user in (self.agent, self.fen_user, self.fen_manager):
            self.assertFalse(Sms.sudo(user).hid_provider_warning(), user.login)
        self.params.set_param("hid_basvuru.sms_provider", "netgsm")
        self.assertFalse(Sms.sudo(self.staff).hid_provider_warning(),
                         "a configured provider: no warning")
        self.assertFalse(self.env["hid.basvuru.dashboard"].sudo(
            self.director).create({}).sms_warning)
