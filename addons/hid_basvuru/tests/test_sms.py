# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The SMS queue: stored at each milestone, sent by the cron through a local fake provider."""
import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib.sms import fake_server
from ..lib.sms.segments import GSM7_TR, UCS2
from .common_ticket import HidTicketCase

MOBILE = "+905321112233"


class HidSmsCase(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fake = fake_server.FakeSmsServer().__enter__()
        params = cls.env["ir.config_parameter"].sudo()
        for key, value in (("provider", "netgsm"), ("username", fake_server.USERNAME),
                           ("password", fake_server.PASSWORD), ("sender", fake_server.SENDER),
                           ("base_url", cls.fake.url), ("timeout", "0.3"),
                           ("max_attempts", "3")):
            params.set_param("hid_basvuru.sms_%s" % key, value)
        params.set_param("web.base.url", "https://hid.example.org")
        # The job sends every due message of the database: the demo applications' queued SMS
        # must not count here (the class's transaction is rolled back at the end).
        cls.env.cr.execute("UPDATE hid_sms SET state = 'cancelled' WHERE state = 'queued'")
        cls.env["hid.sms"].invalidate_cache()

    @classmethod
    def tearDownClass(cls):
        cls.fake.__exit__(None, None, None)
        super().tearDownClass()

    def setUp(self):
        super().setUp()
        self.fake.outage, self.fake.delay, self.fake.quota_exhausted = False, 0.0, False
        self.fake.requests.clear()
        self.fake.delivered.clear()
        # The sending clock: a little after the messages are queued (at the real "now").
        self.t0 = datetime.datetime.utcnow().replace(microsecond=0) + datetime.timedelta(
            minutes=1)

    def send_at(self, when):
        """Run the sending job as the cron does, at the given (UTC) time, without commits."""
        return self.env["hid.sms"].with_context(
            hid_sms_now=fields.Datetime.to_string(when))._send_due(auto_commit=False)

    def sms_of(self, ticket, code="received"):
        return self.env["hid.sms"].search([("ticket_id", "in", ticket.ids),
                                           ("template_code", "=", code)])


class TestSmsQueue(HidSmsCase):

    def test_received_sms_is_queued_at_intake(self):
        ticket = self.intake()
        sms = self.sms_of(ticket)
        self.assertEqual(len(sms), 1, "one SMS per milestone")
        self.assertEqual((sms.to, sms.state, sms.partner_id), (MOBILE, "queued", self.citizen))
        self.assertIn(ticket.number, sms.body)
        self.assertIn("https://hid.example.org/basvuru/sorgula?no=%s" % ticket.number, sms.body)
        self.assertIn("Başvurunuz alındı", sms.body, "Turkish text kept as written")
        self.assertEqual(sms.encoding, GSM7_TR, "Netgsm sends Turkish with its shift table")
        self.assertEqual(sms.segment_count, 1)

    def test_cron_sends_once_with_turkish_characters(self):
        ticket = self.intake()
        sms = self.sms_of(ticket)
        self.assertEqual(self.send_at(self.t0), 1)
        self.assertEqual(sms.state, "sent", sms.last_error)
        provider, number, text, jobid = self.fake.delivered[0]
        self.assertEqual((provider, number, text), ("netgsm", "905321112233", sms.body))
        self.assertEqual(sms.provider_message_id, jobid)
        self.assertEqual(sms.attempts, 1)
        self.send_at(self.t0 + datetime.timedelta(days=1))
        self.assertEqual(len(self.fake.delivered), 1, "a sent SMS is never sent again")

    def test_outage_delays_then_everything_goes_exactly_once(self):
        tickets = self.intake() | self.intake(name="Çöp alınmadı")
        sms = self.sms_of(tickets)
        self.fake.outage = True
        self.send_at(self.t0)
        self.assertEqual(set(sms.mapped("state")), {"queued"})
        self.assertEqual(sms.mapped("attempts"), [1, 1])
        self.assertEqual(set(sms.mapped("next_attempt")),
                         {fields.Datetime.to_string(self.t0 + datetime.timedelta(seconds=60))})
        calls = len(self.fake.requests)
        self.send_at(self.t0 + datetime.timedelta(seconds=30))
        self.assertEqual(len(self.fake.requests), calls, "nothing is tried before its back-off")
        self.send_at(self.t0 + datetime.timedelta(seconds=61))
        self.assertEqual(sms.mapped("attempts"), [2, 2])
        self.assertEqual(set(sms.mapped("next_attempt")),
                         {fields.Datetime.to_string(self.t0 + datetime.timedelta(seconds=181))},
                         "the second delay doubles")
        self.fake.outage = False
        self.send_at(self.t0 + datetime.timedelta(seconds=200))
        self.send_at(self.t0 + datetime.timedelta(hours=5))
        self.assertEqual(set(sms.mapped("state")), {"sent"})
        self.assertEqual(sorted(d[2] for d in self.fake.delivered), sorted(sms.mapped("body")),
                         "each message delivered exactly once")

    def test_a_run_stops_when_the_provider_is_down(self):
        tickets = self.env["helpdesk.ticket"]
        for i in range(5):
            tickets |= self.intake(name="Başvuru %d" % i)
        sms = self.sms_of(tickets)
        self.fake.outage = True
        self.send_at(self.t0)
        self.assertEqual(len(self.fake.requests), 3, "three failures in a row end the run")
        self.assertEqual(sorted(sms.mapped("attempts")), [0, 0, 1, 1, 1],
                         "the others keep their attempts for the next run")
        self.fake.outage = False
        self.send_at(self.t0 + datetime.timedelta(minutes=5))
        self.assertEqual(set(sms.mapped("state")), {"sent"})
        self.assertEqual(len(self.fake.delivered), 5)

    def test_segments_follow_the_provider_that_sent(self):
        sms = self.sms_of(self.intake())
        self.assertEqual((sms.encoding, sms.segment_count), (GSM7_TR, 1))
        self.env["ir.config_parameter"].sudo().set_param("hid_basvuru.sms_provider",
                                                         "iletimerkezi")
        self.send_at(self.t0)
        self.assertEqual((sms.provider, sms.encoding, sms.segment_count),
                         ("iletimerkezi", UCS2, 3))

    def test_timeout_is_retried(self):
        sms = self.sms_of(self.intake())
        self.fake.delay = 0.5
        self.send_at(self.t0)
        self.assertEqual((sms.state, sms.attempts), ("queued", 1))
        self.assertIn("No answer", sms.last_error)

    def test_final_failure_is_visible_on_the_application_and_in_the_list(self):
        ticket = self.intake()
        sms = self.sms_of(ticket)
        self.fake.outage = True
        for minutes in (0, 2, 10):
            self.send_at(self.t0 + datetime.timedelta(minutes=minutes))
        self.assertEqual((sms.state, sms.attempts), ("failed", 3), "max_attempts is 3")
        self.assertEqual(ticket.sms_failed_count, 1)
        action = self.env.ref("hid_basvuru.hid_sms_action_failed")
        failed = self.env["hid.sms"].sudo(self.staff).search(eval(action.domain))
        self.assertIn(sms, failed)
        self.assertIn("could not be sent", ticket.message_ids[0].body)
        sms.sudo(self.staff).action_retry()
        self.fake.outage = False
        self.send_at(self.t0 + datetime.timedelta(minutes=20))
        self.assertEqual(sms.state, "sent", "staff can put a failed SMS back in the queue")

    def test_bad_credentials_fail_at_once(self):
        self.env["ir.config_parameter"].sudo().set_param("hid_basvuru.sms_password", "wrong")
        sms = self.sms_of(self.intake())
        self.send_at(self.t0)
        self.assertEqual((sms.state, sms.attempts), ("failed", 1))
        self.assertIn("30", sms.provider_reply)

    def test_over_quota_waits_without_using_attempts(self):
        sms = self.sms_of(self.intake())
        self.fake.quota_exhausted = True
        self.send_at(self.t0)
        self.assertEqual((sms.state, sms.attempts), ("queued", 0))
        self.assertEqual(sms.next_attempt,
                         fields.Datetime.to_string(self.t0 + datetime.timedelta(hours=1)))

    def test_without_provider_messages_wait(self):
        self.env["ir.config_parameter"].sudo().set_param("hid_basvuru.sms_provider", "none")
        sms = self.sms_of(self.intake())
        self.send_at(self.t0)
        self.assertEqual((sms.state, sms.attempts), ("queued", 0))
        self.assertFalse(self.fake.requests)

    def test_iletimerkezi_counts_turkish_as_ucs2(self):
        self.env["ir.config_parameter"].sudo().set_param("hid_basvuru.sms_provider",
                                                         "iletimerkezi")
        sms = self.sms_of(self.intake())
        self.assertEqual(sms.encoding, UCS2)
        self.assertEqual(sms.segment_count, 3, "about 150 UCS-2 characters: 3 parts of 67")
        self.send_at(self.t0)
        self.assertEqual(sms.state, "sent", sms.last_error)
        self.assertEqual(self.fake.delivered[0][:3], ("iletimerkezi", "905321112233", sms.body))

    def test_number_is_normalised_and_must_be_a_mobile(self):
        sms = self.env["hid.sms"].create({"to": "0532 111 22 33", "body": "Deneme ğüşıöç"})
        self.assertEqual(sms.to, MOBILE)
        for bad in ("0216 555 12 12", "abc", False):
            with self.assertRaises(ValidationError, msg=str(bad)):
                self.env["hid.sms"].create({"to": bad, "body": "x"})
        with self.assertRaises(ValidationError):
            sms.write({"to": "0216 555 12 12"})

    def test_a_sent_sms_cannot_be_queued_again(self):
        sms = self.sms_of(self.intake())
        self.send_at(self.t0)
        with self.assertRaises(UserError):
            sms.write({"state": "queued"})
        with self.assertRaises(UserError):
            sms.write({"body": "başka"})


class TestSmsMilestones(HidSmsCase):

    def test_extension_and_conclusion_reach_the_applicant(self):
        info = self.env.ref("hid_basvuru.type_bilgi_edinme")
        ticket = self.intake(basvuru_type_id=info.id, received_date=fields.Datetime.now())
        ticket.sudo(self.staff).action_extend("Bilgi birden fazla birimden toplanıyor")
        extension = self.sms_of(ticket, "extension")
        self.assertIn("Bilgi birden fazla birimden toplanıyor", extension.body)
        deadline = fields.Date.from_string(ticket.legal_deadline).strftime("%d.%m.%Y")
        self.assertIn(deadline, extension.body)
        ticket.sudo(self.fen_user).action_answer("Talep ettiğiniz bilgiler ekte gönderilmiştir.")
        ticket.sudo(self.staff).action_close("bilgi_verildi")
        concluded = self.sms_of(ticket, "concluded")
        self.assertIn("Talep ettiğiniz bilgiler ekte gönderilmiştir.", concluded.body)
        self.assertIn("/basvuru/sorgula?no=%s" % ticket.number, concluded.body)

    def test_havale_tells_the_applicant_the_new_mudurluk(self):
        ticket = self.intake()
        self.assertEqual(ticket.team_id, self.fen)
        self.assertFalse(self.sms_of(ticket, "routed"), "routed at the intake: 'received' only")
        ticket.sudo(self.fen_user).action_iade("Bizim birimimizi ilgilendirmiyor")
        ticket.sudo(self.staff).action_havale(self.tem)
        routed = self.sms_of(ticket, "routed")
        self.assertEqual(len(routed), 1)
        self.assertEqual(routed.to, MOBILE)
        self.assertIn("%s sayılı başvurunuz %s birimine iletildi" % (
            ticket.number, self.tem.name), routed.body)
        self.assertIn("/basvuru/sorgula?no=%s" % ticket.number, routed.body)
        self.env.ref("hid_basvuru.sms_template_routed").active = False
        ticket.sudo(self.tem_user).action_iade("Fen İşleri'ne ait")
        ticket.sudo(self.staff).action_havale(self.fen)
        self.assertEqual(self.sms_of(ticket, "routed"), routed,
                         "HİM archived the template: no SMS for this milestone")

    def test_opted_out_citizen_gets_none(self):
        self.citizen.sms_opt_out = True
        ticket = self.intake()
        self.assertFalse(self.sms_of(ticket))
        self.assertIn("opted out", ticket.message_ids[0].body)

    def test_landline_does_not_block_intake(self):
        self.citizen.write({"mobile": False, "phone": "0216 555 12 12"})
        ticket = self.intake()
        self.assertTrue(ticket.number, "the application is saved")
        self.assertFalse(self.sms_of(ticket))
        self.assertIn("no mobile number", ticket.message_ids[0].body)

    def test_mobile_in_the_phone_field_is_used(self):
        self.citizen.write({"mobile": False, "phone": "0532 111 22 33"})
        self.assertEqual(self.sms_of(self.intake()).to, MOBILE)

    def test_anonymous_gets_none(self):
        ticket = self.intake(partner_id=False, anonymous=True, kvkk_notice_given=False)
        self.assertFalse(self.sms_of(ticket))

    def test_confidential_ihbar_still_informs_its_applicant(self):
        ticket = self.intake(basvuru_type_id=self.env.ref("hid_basvuru.type_ihbar").id)
        self.assertTrue(ticket.confidential)
        self.assertEqual(self.sms_of(ticket).to, MOBILE)

    def test_broken_template_does_not_block_intake(self):
        tmpl = self.env.ref("hid_basvuru.sms_template_received")
        self.env.cr.execute("UPDATE hid_sms_template SET body = %s WHERE id = %s",
                            ("Başvuru {number", tmpl.id))
        tmpl.invalidate_cache()
        ticket = self.intake()
        self.assertTrue(ticket.number)
        self.assertFalse(self.sms_of(ticket))
        self.assertIn("could not be prepared", ticket.message_ids[0].body)


class TestSmsSecurity(HidSmsCase):

    def test_mudurluk_cannot_read_sms(self):
        ticket = self.intake()
        with self.assertRaises(AccessError):
            self.env["hid.sms"].sudo(self.fen_user).search([])
        with self.assertRaises(AccessError):
            self.sms_of(ticket).sudo(self.fen_manager).read(["to", "body"])
        # The application itself stays readable to its müdürlük.
        self.assertTrue(ticket.sudo(self.fen_user).read(["number", "name"]))

    def test_agent_reads_staff_retries(self):
        sms = self.sms_of(self.intake())
        self.assertEqual(sms.sudo(self.agent).read(["to"])[0]["to"], MOBILE)
        with self.assertRaises(AccessError):
            sms.sudo(self.agent).action_cancel()
        sms.sudo(self.staff).action_cancel()
        self.assertEqual(sms.state, "cancelled")
        with self.assertRaises(AccessError):
            self.env["hid.sms"].sudo(self.staff).create({"to": MOBILE, "body": "x"})

    def test_templates_editable_by_him_not_by_mudurluk(self):
        tmpl = self.env.ref("hid_basvuru.sms_template_received")
        tmpl.sudo(self.staff).write({"body": "Başvurunuz {number} alındı."})
        with self.assertRaises(AccessError):
            tmpl.sudo(self.fen_user).read(["body"])

    def test_settings_only_for_the_director(self):
        settings = self.env["hid.sms.settings"]
        with self.assertRaises(AccessError):
            settings.sudo(self.staff).default_get(["password"])
        with self.assertRaises(AccessError):
            self.env["ir.config_parameter"].sudo(self.staff).get_param(
                "hid_basvuru.sms_password")
        values = settings.sudo(self.director).default_get(["provider", "password"])
        self.assertEqual(values, {"provider": "netgsm", "password": fake_server.PASSWORD})
        form = settings.sudo(self.director).create({"provider": "iletimerkezi",
                                                    "password": "yeni", "max_attempts": 5})
        form.action_save()
        self.assertEqual(self.env["hid.sms"]._max_attempts(), 5)
        self.assertEqual(self.env["hid.sms"]._param("password"), "yeni")
        with self.assertRaises(AccessError):
            form.sudo(self.staff).action_save()

    def test_settings_refuse_unusable_values(self):
        settings = self.env["hid.sms.settings"].sudo(self.director)
        good = {"provider": "netgsm", "username": "u", "password": "p", "sender": "SANCAKTEPE"}
        for bad in ({"password": False}, {"sender": "SANCAKTEPEBLD"}, {"max_attempts": 0},
                    {"timeout": 0}, {"base_url": "ftp://x"}):
            with self.assertRaises(UserError, msg=str(bad)):
                settings.create(dict(good, **bad)).action_save()
        self.assertEqual(self.env["hid.sms"]._param("password"), fake_server.PASSWORD,
                         "nothing stored")

    def test_mudurluk_form_has_no_sms(self):
        view = self.env.ref("hid_basvuru.hid_ticket_view_form")
        arch = self.env["helpdesk.ticket"].sudo(self.fen_user).fields_view_get(
            view.id, "form")["arch"]
        self.assertNotIn("sms_ids", arch)
        arch = self.env["helpdesk.ticket"].sudo(self.agent).fields_view_get(
            view.id, "form")["arch"]
        self.assertIn("sms_ids", arch)
