# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Day one: the Turkish overlay is loaded where the UI reads it, the municipality's identity
replaces Odoo's placeholders without overwriting later edits, and the demo is Turkish."""
import os
import unittest

from babel.messages import pofile

from odoo.modules.module import get_module_path
from odoo.tests.common import TransactionCase

from ..models.hid_basvuru_demo import HELPDESK_DEMO

EXTRA = os.path.join(get_module_path("hid_basvuru"), "i18n_extra", "tr.po")


class TestOverlay(TransactionCase):

    def test_every_overlay_entry_translated(self):
        with open(EXTRA, "rb") as po:
            missing = [m.id for m in pofile.read_po(po) if m.id and not m.string]
        self.assertFalse(missing, "i18n_extra/tr.po leaves untranslated: %s" % missing)

    def test_chatter_fields_in_turkish(self):
        """The pivot's and custom filter's field names of the applications (mail's fields)."""
        for model in ("helpdesk.ticket", "hid.evrak"):
            if model not in self.env:
                continue
            fields = self.env[model].with_context(lang="tr_TR").fields_get(
                ["message_last_post", "message_follower_ids", "message_needaction",
                 "message_unread"], ["string"])
            self.assertEqual(
                {name: d["string"] for name, d in fields.items()},
                {"message_last_post": "Son Mesaj Tarihi", "message_follower_ids": "Takipçiler",
                 "message_needaction": "Eylem Gerekiyor", "message_unread": "Okunmamış Mesajlar"},
                model)
        ticket = self.env["helpdesk.ticket"].with_context(lang="tr_TR").fields_get(
            ["activity_date_deadline", "activity_state"], ["string", "selection"])
        self.assertEqual(ticket["activity_date_deadline"]["string"],
                         "Sonraki Faaliyetin Son Tarihi")
        self.assertEqual(dict(ticket["activity_state"]["selection"])["overdue"], "Gecikmiş")

    def test_web_client_terms(self):
        """What /web/webclient/translations hands the web client (code terms, openerp-web)."""
        rows = self.env["ir.translation"].sudo().search_read([
            ("module", "=", "hid_basvuru"), ("lang", "=", "tr_TR"),
            ("comments", "like", "openerp-web"), ("value", "!=", False)], ["src", "value"])
        terms = {row["src"]: row["value"] for row in rows}
        self.assertEqual(terms.get("Grouped"), "Gruplanmış")
        self.assertEqual(terms.get("Stacked"), "Yığılmış")
        self.assertEqual(terms.get("Odoo Server Error"), "Sunucu Hatası")
        self.assertEqual(terms.get("Mark Done"), "Tamamlandı")

    def test_sms_template_shown_by_name(self):
        labels = dict(self.env["hid.sms"].with_context(lang="tr_TR").fields_get(
            ["template_code"], ["selection"])["template_code"]["selection"])
        self.assertEqual(labels["received"], "Başvuru alındı")
        self.assertEqual(labels["concluded"], "Başvuru sonuçlandı")


class TestBranding(TransactionCase):

    def test_municipality_not_placeholders(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Sancaktepe Belediyesi")
        self.assertEqual(company.report_header, "Halkla İlişkiler Müdürlüğü")
        self.assertEqual((company.phone, company.email),
                         ("153", "halklailiskiler@example.org"))
        self.assertNotEqual(company.logo, self.env["res.company"]._hid_odoo_default_logo())
        self.assertTrue(company.logo)
        self.assertNotIn("odoo", (company.social_twitter or "").lower())
        self.assertEqual(self.env.ref("base.partner_root").name, "Sistem Yöneticisi")
        self.assertEqual(self.env.ref("base.user_root").partner_id.display_name,
                         "Sistem Yöneticisi")

    def test_edits_in_settings_survive(self):
        """Applied again (an upgrade, a migration), it keeps what the municipality entered."""
        company = self.env.ref("base.main_company")
        company.write({"name": "T.C. Sancaktepe Belediye Başkanlığı", "phone": "0216 000 00 00",
                       "email": "bilgi@example.org", "city": "Sancaktepe"})
        self.env["res.company"]._hid_apply_branding()
        self.assertEqual((company.name, company.phone, company.email, company.city),
                         ("T.C. Sancaktepe Belediye Başkanlığı", "0216 000 00 00",
                          "bilgi@example.org", "Sancaktepe"))
        company.write({"name": "YourCompany", "phone": "+1 555 123 8069", "city": "Scranton"})
        self.env["res.company"]._hid_apply_branding()
        self.assertEqual((company.name, company.phone, company.city),
                         ("Sancaktepe Belediyesi", "153", "Sancaktepe / İstanbul"))

    def test_website_turkish_only(self):
        turkish = self.env["res.lang"].search([("code", "=", "tr_TR")])
        for website in self.env["website"].search([]):
            self.assertEqual(website.language_ids, turkish, website.name)
            self.assertEqual(website.default_lang_id, turkish)

    def test_footer_is_the_municipality(self):
        """The footer as website.layout puts it together (rendered: tests/test_browser_ilkgun)."""
        arch = self.env.ref("website.layout").read_combined(["arch"])["arch"]
        for text in ("hid_footer", "res_company.report_header", "res_company.phone",
                     "/basvuru/sorgula", "Track an application"):
            self.assertIn(text, arch)
        for text in ("free website", "disruptive", "small to medium", "language_selector"):
            self.assertNotIn(text, arch)

    def test_no_powered_by_odoo_in_the_menu(self):
        arch = self.env.ref("web.menu_secondary").read_combined(["arch"])["arch"]
        self.assertIn("o_sub_menu_content", arch)
        self.assertNotIn("Powered by", arch)


class TestDemo(TransactionCase):

    def setUp(self):
        super().setUp()
        if not self.env["ir.module.module"].search([("name", "=", "hid_basvuru")]).demo:
            raise unittest.SkipTest("a database without demo data")

    def test_helpdesk_demo_gone(self):
        for xmlid in HELPDESK_DEMO:
            self.assertFalse(self.env.ref(xmlid, raise_if_not_found=False), xmlid)
        self.assertFalse(self.env.ref("base.user_demo").active)
        self.assertEqual(self.env.ref("base.user_demo").with_context(
            active_test=False).name, "Örnek Kullanıcı")

    def test_turkish_data_set_through_the_rules(self):
        Ticket = self.env["helpdesk.ticket"]
        made = Ticket.search([("partner_id.mobile", "=like", "+90559%")])
        self.assertGreaterEqual(len(made), 280)
        closed = made.filtered(lambda t: t.stage_code == "closed")
        self.assertTrue(0.7 <= len(closed) / len(made) <= 0.9, len(closed))
        self.assertGreater(len(made.mapped("team_id")), 10)
        self.assertEqual(len(made.mapped("mahalle_id")), 19)
        self.assertTrue(all(t.closure_state for t in closed))
        self.assertTrue(all(t.answer for t in closed
                            if t.closure_state in ("cozuldu", "bilgi_verildi",
                                                   "programa_alindi", "gerekceli_ret")))
        self.assertTrue(made.filtered("duplicate_of_id"))
        self.assertTrue(made.filtered(lambda t: t.reopen_count))
        self.assertTrue(made.filtered(lambda t: t.deadline_state == "overdue"))
        # the history of the rules: a havale row per routed application, numbers per year
        self.assertTrue(all(t.havale_ids for t in made if t.team_id))
        received = sorted(made.mapped("received_date"))
        self.assertLess(received[0], received[-1][:7])
        for ticket in closed[:50]:
            self.assertGreaterEqual(ticket.closed_date, ticket.received_date, ticket.number)
            self.assertEqual(ticket.create_date, ticket.received_date, ticket.number)
