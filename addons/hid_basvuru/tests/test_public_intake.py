# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The public web form and status page, at the model level (the controllers only call these)."""
import base64

from ..models.helpdesk_ticket_public import HidPublicFormError, HidRateLimited
from .common_ticket import HidTicketCase

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
IP = "203.0.113.7"


class TestPublicIntake(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"].sudo(cls.env.ref("base.public_user"))
        cls.mahalle = cls.env.ref("hid_basvuru.mahalle_sarigazi")

    def form(self, **values):
        """A valid form as the browser posts it (strings only)."""
        data = {
            "basvuru_type_id": str(self.talep.id),
            "category_id": str(self.cat_cukur.id),
            "mahalle_id": str(self.mahalle.id),
            "description": "Sokağımızda derin bir çukur var.\nİkinci satır.",
            "address": "Atatürk Cd. No: 5",
            "name": "Mehmet Öz",
            "phone": "0533 444 55 66",
            "kvkk": "1",
        }
        data.update(values)
        return data

    def counts(self):
        return (self.env["res.partner"].search_count([]),
                self.env["helpdesk.ticket"].search_count([]),
                self.env["ir.attachment"].search_count([("res_model", "=", "helpdesk.ticket")]))

    def test_valid_form_creates_citizen_and_application(self):
        receipt = self.Ticket._hid_public_intake(self.form(), [("foto.png", PNG)], IP)
        ticket = self.env["helpdesk.ticket"].search([("number", "=", receipt["number"])])
        self.assertEqual(len(ticket), 1, "the receipt names the new application")
        self.assertTrue(receipt["sms"], "a mobile number: the SMS wording is shown")
        self.assertEqual(ticket.channel_id,
                         self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web"))
        self.assertTrue(ticket.kvkk_notice_given)
        self.assertEqual(ticket.team_id, self.fen, "routed by its category")
        self.assertEqual(ticket.partner_id.mobile, "+905334445566", "phone normalised")
        self.assertTrue(ticket.partner_id.hid_citizen and ticket.partner_id.kvkk_notice_given)
        self.assertEqual(ticket.public_phone, "+905334445566")
        attachment = self.env["ir.attachment"].search([("res_model", "=", "helpdesk.ticket"),
                                                       ("res_id", "=", ticket.id)])
        self.assertEqual(attachment.mimetype, "image/png")
        self.assertEqual(base64.b64decode(attachment.datas), PNG)

    def test_known_citizen_is_flagged_not_merged(self):
        """Anyone can type anyone's number: the identity as given, the match to confirm."""
        receipt = self.Ticket._hid_public_intake(
            self.form(phone="+90 532 111 22 33", name="Fatma Y."), [], IP)
        ticket = self.env["helpdesk.ticket"].search([("number", "=", receipt["number"])])
        self.assertNotEqual(ticket.partner_id, self.citizen, "never filed under them silently")
        self.assertEqual(ticket.hid_possible_partner_id, self.citizen, "found by phone")
        self.assertEqual((ticket.partner_name, ticket.public_phone, ticket.partner_id.name),
                         ("Fatma Y.", "+905321112233", "Fatma Y."), "the identity as given")
        self.assertEqual(self.citizen.name, "Fatma Yılmaz", "a public form never edits a citizen")
        receipt = self.Ticket._hid_public_intake(
            self.form(tckn="10000000146", phone="0533 999 88 77"), [], IP)
        ticket = self.env["helpdesk.ticket"].search([("number", "=", receipt["number"])])
        self.assertEqual(ticket.hid_possible_partner_id, self.citizen, "found by TC kimlik no")
        self.assertNotEqual(ticket.partner_id, self.citizen)
        self.assertFalse(ticket.partner_id.tckn, "the number stays the known citizen's")
        self.assertEqual(ticket.partner_id.mobile, "+905339998877")

    def test_markup_is_stored_as_text(self):
        receipt = self.Ticket._hid_public_intake(
            self.form(description="<script>alert(1)</script><b>kalın</b>"), [], IP)
        ticket = self.env["helpdesk.ticket"].search([("number", "=", receipt["number"])])
        self.assertNotIn("<script", ticket.description)
        self.assertIn("&lt;script&gt;", ticket.description, "escaped, not removed")

    def assertRefused(self, values, files, fields):
        before = self.counts()
        with self.assertRaises(HidPublicFormError) as ctx:
            self.Ticket._hid_public_intake(values, files, IP)
        self.assertEqual(sorted(ctx.exception.errors), sorted(fields),
                         "a message next to each wrong field")
        self.assertEqual(self.counts(), before, "nothing saved: no citizen, application or file")
        return ctx.exception.errors

    def test_bad_phone_and_tckn_save_nothing(self):
        errors = self.assertRefused(self.form(phone="0532 12", tckn="12345678901"), [],
                                    ["phone", "tckn"])
        self.assertIn("0532 12", errors["phone"])
        self.assertRefused(self.form(phone=""), [], ["phone"])

    def test_every_field_checked(self):
        self.assertRefused(
            {"basvuru_type_id": "abc", "category_id": str(2 ** 40), "mahalle_id": "-1",
             "latitude": "kuzey", "longitude": "1", "email": "x@", "address": "a" * 300},
            [("x.exe", b"MZ" + PNG)],
            ["basvuru_type_id", "category_id", "mahalle_id", "description", "name", "phone",
             "latitude", "email", "address", "files", "kvkk"])

    def test_category_without_mudurluk_refused(self):
        category = self.env["helpdesk.ticket.category"].create({"name": "Müdürlüksüz"})
        self.assertRefused(self.form(category_id=str(category.id)), [], ["category_id"])

    def test_file_limits(self):
        big = PNG + b"\x00" * (5 * 1024 * 1024)
        errors = self.assertRefused(self.form(), [("big.png", big)], ["files"])
        self.assertIn("big.png", errors["files"])
        self.assertRefused(self.form(), [("a.png", PNG)] * 6, ["files"])

    def test_nul_bytes_and_map_point(self):
        receipt = self.Ticket._hid_public_intake(
            self.form(name="Ali\x00 Veli", latitude="41,0003", longitude="29.2279"), [], IP)
        ticket = self.env["helpdesk.ticket"].search([("number", "=", receipt["number"])])
        self.assertEqual(ticket.partner_name, "Ali Veli")
        self.assertAlmostEqual(ticket.latitude, 41.0003)
        self.assertRefused(self.form(latitude="91", longitude="29"), [], ["latitude"])

    def test_honeypot_saves_nothing(self):
        before = self.counts()
        receipt = self.Ticket._hid_public_intake(self.form(hp_fax="http://spam"), [], IP)
        self.assertEqual(receipt, {"number": False, "sms": False}, "pretend success")
        self.assertEqual(self.counts(), before)

    def test_failure_inside_the_save_leaves_nothing(self):
        """A refusal raised while saving (here: the TCKN taken by a non-citizen record
        racing in) rolls back the citizen too."""
        other = self.env["res.partner"].create({"name": "Kayıtlı", "tckn": "12345678950"})
        self.assertTrue(other)
        before = self.counts()
        with self.assertRaises(HidPublicFormError) as ctx:
            self.Ticket._hid_public_intake(self.form(tckn="12345678950"), [], IP)
        self.assertEqual(list(ctx.exception.errors), ["form"], "a message, not a crash")
        self.assertEqual(self.counts(), before)


class TestPublicLimitsAndStatus(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"].sudo(cls.env.ref("base.public_user"))
        cls.ticket = cls.intake(cls, name="Çöp toplanmadı", category_id=cls.cat_cop.id)

    def test_rate_limit_per_ip_and_key(self):
        self.env["ir.config_parameter"].set_param("hid_basvuru.rate.basvuru.form", "2/3600")
        RateLimit = self.env["hid.rate.limit"]
        self.assertTrue(RateLimit._hid_hit("basvuru.form", "198.51.100.1", (20, 3600)))
        self.assertTrue(RateLimit._hid_hit("basvuru.form", "198.51.100.1", (20, 3600)))
        self.assertFalse(RateLimit._hid_hit("basvuru.form", "198.51.100.1", (20, 3600)),
                         "the third request in the hour is refused")
        self.assertTrue(RateLimit._hid_hit("basvuru.form", "198.51.100.2", (20, 3600)),
                        "another IP has its own count")
        self.assertTrue(RateLimit._hid_hit("basvuru.status", "198.51.100.1", (20, 3600)),
                        "another page has its own count")
        with self.assertRaises(HidRateLimited):
            self.Ticket._hid_public_intake({}, [], "198.51.100.1")

    def test_old_counters_are_forgotten(self):
        RateLimit = self.env["hid.rate.limit"]
        RateLimit._hid_hit("basvuru.form", "198.51.100.3", (20, 3600))
        old = RateLimit.create({"key": "basvuru.form", "ip": "198.51.100.4", "count": 3,
                                "window_start": "2020-01-01 00:00:00"})
        RateLimit._cron_gc()
        self.assertFalse(old.exists(), "an IP address is not kept longer than needed")
        self.assertTrue(RateLimit.search([("ip", "=", "198.51.100.3")]), "today's stays")

    def test_typed_phone_hidden_from_mudurluk(self):
        receipt = self.Ticket._hid_public_intake({
            "basvuru_type_id": str(self.talep.id), "category_id": str(self.cat_cukur.id),
            "mahalle_id": str(self.env.ref("hid_basvuru.mahalle_sarigazi").id),
            "description": "Çukur", "name": "Can", "phone": "0533 000 11 22", "kvkk": "1",
        }, [], IP)
        ticket = self.env["helpdesk.ticket"].search([("number", "=", receipt["number"])])
        self.assertEqual(ticket.sudo(self.agent).public_phone, "+905330001122")
        self.assertNotIn("public_phone", ticket.sudo(self.fen_user).fields_get(),
                         "a müdürlük user does not see the applicant's phone")

    def test_status_right_pair(self):
        status = self.Ticket._hid_public_status(self.ticket.number, "0532 111 22 33", IP)
        self.assertEqual(status["number"], self.ticket.number)
        self.assertEqual(status["team"], self.tem.name)
        self.assertEqual(status["stage"], self.ticket.stage_id.name)
        self.assertFalse(status["answer"], "no answer sent yet")
        self.assertNotIn("Fatma", str(status), "no personal data on the status page")

    def test_status_shows_the_sent_answer(self):
        self.ticket.sudo(self.staff).action_answer("Ekip yönlendirildi, çöp alındı.")
        self.ticket.sudo(self.staff).action_close("cozuldu")
        status = self.Ticket._hid_public_status(self.ticket.number, "+905321112233", IP)
        self.assertEqual(status["answer"], "Ekip yönlendirildi, çöp alındı.")
        self.assertTrue(status["closed"] and status["closed_date"] and status["closure"])

    def test_status_misses_are_alike(self):
        for number, phone in ((self.ticket.number, "0532 111 22 34"),
                              ("2026-999999", "0532 111 22 33"), ("", ""),
                              (self.ticket.number, "abc"), ("x\x00", "0")):
            with self.subTest(number=number, phone=phone):
                self.assertIs(self.Ticket._hid_public_status(number, phone, IP), False)

    def test_status_rate_limited(self):
        self.env["ir.config_parameter"].set_param("hid_basvuru.rate.basvuru.status", "1/600")
        self.Ticket._hid_public_status("2026-999999", "0", "198.51.100.9")
        with self.assertRaises(HidRateLimited):
            self.Ticket._hid_public_status(self.ticket.number, "0532 111 22 33", "198.51.100.9")

    def test_status_stage_label_follows_its_translation(self):
        """The stage's label comes from a cache: renaming the stage or changing its
        translation shows at once."""
        Ticket = self.Ticket.with_context(lang="tr_TR")
        stage = self.env["helpdesk.ticket.stage"].browse(self.ticket.stage_id.id)
        label = stage.with_context(lang="tr_TR").name
        status = Ticket._hid_public_status(self.ticket.number, "0532 111 22 33", IP)
        self.assertEqual(status["stage"], label)
        self.env["ir.translation"]._set_ids("helpdesk.ticket.stage,name", "model", "tr_TR",
                                            stage.ids, "Müdürlükte", stage.name)
        stage.invalidate_cache()    # _set_ids writes in SQL; a next request reads afresh
        status = Ticket._hid_public_status(self.ticket.number, "0532 111 22 33", IP)
        self.assertEqual(status["stage"], "Müdürlükte", "a new translation shows at once")
        stage.name = "Routed to the Müdürlük"
        status = self.Ticket.with_context(lang="en_US")._hid_public_status(
            self.ticket.number, "0532 111 22 33", IP)
        self.assertEqual(status["stage"], "Routed to the Müdürlük")
        self.assertFalse(status["closed"])
