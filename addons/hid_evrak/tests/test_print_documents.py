# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The printed documents of the registry, rendered by wkhtmltopdf and read back as text: the
receipt (letterhead, sender, signature lines), one zimmet fişi, Turkish dates in Istanbul time;
and a petition from a sender created on the spot."""
import io
import re
import tempfile
from unittest.mock import patch

from pypdf import PdfReader

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import config

from ..lib.tr_dates import tr_date, tr_datetime
from .common import HidEvrakCase

TR_DATETIME = re.compile(r"\b\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# a 1×1 PNG: the logo as the administrator uploads it
LOGO = (b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQ"
        b"AAAABJRU5ErkJggg==")


def pdf_text(pdf):
    """Text of every page, whitespace collapsed (pypdf, requirements/hid.txt)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


class TestPrintDocuments(HidEvrakCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.user.company_id
        cls.company.write({
            "name": "Deneme Belediyesi", "street": "Atatürk Cad. No: 1",
            "city": "Sancaktepe", "zip": "34785", "phone": "0216 000 00 00",
            "email": "bilgi@deneme.bel.tr", "logo": LOGO})
        cls.him.sudo().name = "Halkla İlişkiler Deneme Müdürlüğü"

    def _pdf(self, xmlid, ids, user=None):
        """A real wkhtmltopdf run (a test report directory switches Odoo's test mode off)."""
        report = self.env.ref(xmlid).sudo(user or self.clerk)
        with tempfile.TemporaryDirectory() as tmp, \
                patch.dict(config.options, {"test_report_directory": tmp}):
            pdf, kind = report.render_qweb_pdf(ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def test_receipt_letterhead_sender_signature_turkish_dates(self):
        evrak = self.register(sender_id=self.citizen.id, evrak_type="dilekce",
                              subject="Parktaki bank kırık", kvkk_notice_given=True,
                              sender_date="2026-11-30", sender_no="K-17")
        html = self.env.ref("hid_evrak.report_hid_evrak_receipt").sudo(
            self.clerk).render_qweb_html(evrak.ids)[0].decode()
        self.assertIn("data:image/png;base64,", html, "the company's logo, inlined")
        text = pdf_text(self._pdf("hid_evrak.report_hid_evrak_receipt", evrak.ids))
        for expected in ("Deneme Belediyesi", "Halkla İlişkiler Deneme Müdürlüğü",
                         "Atatürk Cad. No: 1", "34785 Sancaktepe", "0216 000 00 00",
                         "bilgi@deneme.bel.tr", evrak.name, self.citizen.name,
                         "Parktaki bank kırık", evrak.ticket_id.sudo().number,
                         self.clerk.name, "K-17", "30.11.2026"):
            self.assertIn(expected, text)
        self.assertEqual(text.count("Signature: ____"), 2, "the sender's and the clerk's")
        self.assertIn(tr_datetime(evrak.kayit_date), text, "registered on, Istanbul time")
        self.assertIn(tr_date(evrak.answer_deadline), text)
        self.assertFalse(ISO_DATE.search(text), "no 2026-12-31 style date: %s" % text)

    def test_receipt_follows_the_company_data(self):
        self.company.write({"name": "Başka Belediye", "logo": False})
        evrak = self.register()
        html = self.env.ref("hid_evrak.report_hid_evrak_receipt").sudo(
            self.clerk).render_qweb_html(evrak.ids)[0].decode()
        self.assertIn("Başka Belediye", html)
        self.assertNotIn("Deneme Belediyesi", html)
        self.assertNotIn("data:image", html, "no logo, no broken image")

    def test_zimmet_fisi_prints_one_slip(self):
        one = self.register(subject="Birinci yazı", page_count=3)
        two = self.register(subject="İkinci yazı")
        other = self.register(subject="Başka fişteki yazı")
        zimmet = self.hand_over(one | two)
        self.hand_over(other)
        zimmet.sudo(self.fen_user).action_confirm_receipt()
        for user in (self.clerk, self.fen_user):
            text = pdf_text(self._pdf("hid_evrak.report_hid_zimmet_fisi", zimmet.ids, user))
            for expected in (zimmet.name, "Fen İşleri", one.name, two.name, "Birinci yazı",
                             "İkinci yazı", "Deneme Belediyesi", self.clerk.name,
                             self.fen_user.name, tr_datetime(zimmet.date),
                             tr_datetime(zimmet.received_date)):
                self.assertIn(expected, text, user.login)
            self.assertNotIn(other.name, text, "only this slip's documents")
            self.assertEqual(text.count("Signature: ____"), 2)
            self.assertFalse(ISO_DATE.search(text))
            self.assertTrue(TR_DATETIME.search(text))

    def test_zimmet_fisi_only_for_who_may_read_the_slip(self):
        zimmet = self.hand_over(self.register())
        with self.assertRaises(AccessError):
            self._pdf("hid_evrak.report_hid_zimmet_fisi", zimmet.ids, self.tem_user)

    def test_label_and_register_dates_in_turkish(self):
        evrak = self.register()
        html = self.env.ref("hid_evrak.report_hid_evrak_label").sudo(
            self.clerk).render_qweb_html(evrak.ids)[0].decode()
        self.assertIn(tr_datetime(evrak.kayit_date), html)
        zimmet = self.hand_over(evrak)
        data = {"team_id": self.fen.id, "date_from": "2020-01-01", "date_to": "2099-12-31"}
        html = self.env.ref("hid_evrak.report_hid_zimmet_defteri").sudo(
            self.clerk).render_qweb_html([], data=data)[0].decode()
        self.assertIn("01.01.2020", html)
        self.assertIn("31.12.2099", html)
        self.assertIn(tr_datetime(zimmet.date), html)


class TestPetitionFromANewSender(HidEvrakCase):
    """A sender created on the spot (the many2one's "create") is neither a known citizen nor
    an institution: registering their petition asks which, instead of opening nothing."""

    def _new_sender(self):
        return self.env["res.partner"].sudo(self.clerk).create({"name": "Zehra Aksoy"})

    def test_the_form_asks(self):
        sender = self._new_sender()
        form = self.env["hid.evrak"].sudo(self.clerk).new(
            {"evrak_type": "dilekce", "sender_id": sender.id})
        self.assertTrue(form.sender_kind_needed)
        form = self.env["hid.evrak"].sudo(self.clerk).new(
            {"evrak_type": "dilekce", "sender_id": self.institution.id})
        self.assertFalse(form.sender_kind_needed, "a company is not asked")
        form = self.env["hid.evrak"].sudo(self.clerk).new(
            {"evrak_type": "dilekce", "sender_id": self.citizen.id})
        self.assertFalse(form.sender_kind_needed, "a known citizen is not asked")

    def test_unanswered_question_saves_nothing(self):
        sender = self._new_sender()
        count = self.env["hid.evrak"].search_count([])
        with self.assertRaisesRegex(ValidationError, "Zehra Aksoy"):
            self.register(sender_id=sender.id, evrak_type="dilekce", kvkk_notice_given=True)
        self.assertEqual(self.env["hid.evrak"].search_count([]), count)

    def test_citizen_opens_the_application_through_intake(self):
        sender = self._new_sender()
        with patch.object(type(self.env["helpdesk.ticket"]), "create",
                          autospec=True, side_effect=type(self.env["helpdesk.ticket"]).create) \
                as create:
            evrak = self.register(sender_id=sender.id, evrak_type="dilekce",
                                  sender_kind="citizen", kvkk_notice_given=True,
                                  subject="Kaldırım yapılsın")
        self.assertTrue(create.called, "opened through helpdesk.ticket.create")
        self.assertTrue(sender.hid_citizen, "the sender is a citizen now")
        ticket = evrak.ticket_id.sudo()
        self.assertTrue(ticket.number)
        self.assertEqual(ticket.partner_id, sender)
        self.assertEqual(ticket.channel_id, self.env.ref("hid_basvuru.channel_evrak"))
        self.assertEqual(ticket.evrak_no, evrak.name)

    def test_citizen_without_kvkk_notice_saves_nothing(self):
        sender = self._new_sender()
        with self.assertRaises(ValidationError):
            self.register(sender_id=sender.id, evrak_type="dilekce", sender_kind="citizen")
        self.assertFalse(sender.hid_citizen, "not half-saved: the sender stays as it was")

    def test_institution_opens_none(self):
        sender = self._new_sender()
        evrak = self.register(sender_id=sender.id, evrak_type="dilekce",
                              sender_kind="institution")
        self.assertFalse(evrak.ticket_id)
        self.assertFalse(sender.hid_citizen)
