# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import tempfile
from unittest.mock import patch

from odoo.tools import config

from .common import HidEvrakCase


class TestReports(HidEvrakCase):

    def _pdf(self, xmlid, ids, data=None, user=None):
        """A real wkhtmltopdf run: Odoo renders HTML under test_enable unless a test report
        directory is configured, its own switch for tests that want the PDF."""
        report = self.env.ref(xmlid).sudo(user or self.clerk)
        with tempfile.TemporaryDirectory() as tmp, \
                patch.dict(config.options, {"test_report_directory": tmp}):
            return report.render_qweb_pdf(ids, data=data)

    def test_receipt_and_label_render(self):
        evrak = self.register(sender_id=self.citizen.id, evrak_type="dilekce",
                              kvkk_notice_given=True)
        for xmlid in ("hid_evrak.report_hid_evrak_receipt", "hid_evrak.report_hid_evrak_label"):
            pdf, kind = self._pdf(xmlid, evrak.ids)
            self.assertEqual(kind, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"), "%s renders a PDF" % xmlid)
            self.assertIn(b"/Count 1", pdf, "%s fits on one page" % xmlid)

    def test_label_qr_is_inlined(self):
        evrak = self.register()
        html = self.env.ref("hid_evrak.report_hid_evrak_label").sudo(
            self.clerk).render_qweb_html(evrak.ids)[0]
        self.assertIn(b"data:image/png;base64,", html, "wkhtmltopdf fetches nothing")
        self.assertIn(evrak.name.encode(), html)

    def test_zimmet_defteri_renders_for_the_mudurluk(self):
        evrak = self.register()
        zimmet = self.hand_over(evrak)
        zimmet.sudo(self.fen_user).action_confirm_receipt()
        today = datetime.date.today()
        data = {"team_id": self.fen.id,
                "date_from": (today - datetime.timedelta(days=1)).isoformat(),
                "date_to": (today + datetime.timedelta(days=1)).isoformat()}
        html = self.env.ref("hid_evrak.report_hid_zimmet_defteri").sudo(
            self.fen_user).render_qweb_html([], data=data)[0]
        self.assertIn(evrak.name.encode(), html)
        self.assertIn(b"Signature", html)
        other = dict(data, team_id=self.tem.id)
        html = self.env.ref("hid_evrak.report_hid_zimmet_defteri").sudo(
            self.fen_user).render_qweb_html([], data=other)[0]
        self.assertNotIn(evrak.name.encode(), html, "no other müdürlük's lines")
        pdf, _kind = self._pdf("hid_evrak.report_hid_zimmet_defteri", [], data=data,
                               user=self.fen_user)
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_zimmet_defteri_after_an_iade(self):
        keep = self.register(subject="Kalan yazı")
        refuse = self.register(subject="İade edilen yazı")
        zimmet = self.hand_over(keep | refuse)
        line = zimmet.line_ids.filtered(lambda l: l.evrak_id == refuse)
        line.sudo(self.fen_user).action_return("Zabıta'ya ait.")
        zimmet.sudo(self.fen_user).action_confirm_receipt()
        today = datetime.date.today()
        data = {"team_id": self.fen.id,
                "date_from": (today - datetime.timedelta(days=1)).isoformat(),
                "date_to": (today + datetime.timedelta(days=1)).isoformat()}
        report = self.env.ref("hid_evrak.report_hid_zimmet_defteri")
        for user in (self.fen_user, self.fen_manager, self.clerk):
            html = report.sudo(user).render_qweb_html([], data=data)[0].decode()
            self.assertIn(keep.name, html, user.login)
            self.assertIn(refuse.name, html, "the register lists what was handed and returned")
            self.assertIn("Zabıta", html, "with the reason")
            self.assertIn("Kalan yazı", html)
        html = report.sudo(self.fen_user).render_qweb_html([], data=data)[0].decode()
        self.assertNotIn("İade edilen yazı", html, "a returned document is not theirs to read")
        pdf, _kind = self._pdf("hid_evrak.report_hid_zimmet_defteri", [], data=data,
                               user=self.fen_user)
        self.assertTrue(pdf.startswith(b"%PDF"))
