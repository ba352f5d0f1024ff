# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The survey SMS in the SMS list: the link's token masked for staff (ORM, RPC), the real
link to the provider only, and it opens the citizen's survey."""
import datetime

from odoo.exceptions import AccessError

from odoo.addons.hid_basvuru.lib.sms import fake_server

from .common import LINK, AnketCase

MASKED = "/anket/" + "*" * 43


class TestSurveySmsToken(AnketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fake = fake_server.FakeSmsServer().__enter__()
        params = cls.env["ir.config_parameter"].sudo()
        for key, value in (("provider", "netgsm"), ("username", fake_server.USERNAME),
                           ("password", fake_server.PASSWORD), ("sender", fake_server.SENDER),
                           ("base_url", cls.fake.url), ("timeout", "0.3")):
            params.set_param("hid_basvuru.sms_%s" % key, value)
        cls.env.cr.execute("UPDATE hid_sms SET state = 'cancelled' WHERE state = 'queued'")
        cls.env["hid.sms"].invalidate_cache()

    @classmethod
    def tearDownClass(cls):
        cls.fake.__exit__(None, None, None)
        super().tearDownClass()

    def survey_sms(self, ticket):
        return self.env["hid.sms"].search([("ticket_id", "=", ticket.id),
                                           ("template_code", "=", "anket_satisfaction")],
                                          order="id")

    def deliver(self, sms):
        """The SMS job, as the cron runs it; the text the provider received for `sms`."""
        self.fake.delivered.clear()
        self.env["hid.sms"].with_context(hid_sms_now="2099-01-01 00:00:00")._send_due()
        self.assertEqual(sms.state, "sent", sms.last_error)
        texts = [text for _p, number, text, _id in self.fake.delivered
                 if "+" + number == sms.to and "/anket/" in text]
        self.assertEqual(len(texts), 1)
        return texts[0]

    def assert_masked_for_staff(self, sms):
        for user in (self.staff, self.director):
            body = sms.sudo(user).read(["body"])[0]["body"]
            self.assertIn("https://hid.example" + MASKED, body)
            self.assertFalse(LINK.search(body), "no usable token in the list")
            with self.assertRaises(AccessError):
                sms.sudo(user).read(["private_body"])
            self.assertFalse(LINK.search(str(sms.sudo(user).search_read(
                [("id", "=", sms.id)]))), "nor through search_read of every field")

    def test_survey_and_reminder_links_masked_and_working(self):
        ticket = self.closed_ticket()
        record = self.survey_of(ticket)
        self.Satisfaction._cron_send(now=datetime.datetime(2026, 6, 4, 9, 0))
        sms = self.survey_sms(ticket)
        self.assertEqual(len(sms), 1)
        self.assert_masked_for_staff(sms)
        text = self.deliver(sms)
        token = LINK.search(text).group(1)
        self.assertEqual(text.replace(token, "*" * len(token)), sms.body,
                         "the provider gets the shown text with the real token")
        self.assertFalse(sms.private_body, "not kept once sent")
        page = self.Satisfaction._hid_public_page(token, now=datetime.datetime(2026, 6, 5))
        self.assertEqual((page["status"], page["number"]), ("open", ticket.number))
        # The reminder: a new link, masked in the list the same way, and it works.
        self.Satisfaction._cron_send(now=datetime.datetime(2026, 6, 8, 9, 0))
        reminder = self.survey_sms(ticket) - sms
        self.assertEqual(len(reminder), 1)
        self.assertTrue(record.reminder_date)
        self.assert_masked_for_staff(reminder)
        token2 = LINK.search(self.deliver(reminder)).group(1)
        self.assertNotEqual(token2, token)
        self.Satisfaction._hid_answer_by_token(token2, "evet", "5", "",
                                               now=datetime.datetime(2026, 6, 9))
        self.assertEqual(record.state, "answered")
