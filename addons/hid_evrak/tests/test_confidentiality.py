# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import PDF, HidEvrakCase

SECRET = "Gizli soruşturma dosyası"


class TestConfidentiality(HidEvrakCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register = cls.env["hid.evrak"].sudo(cls.clerk).create
        cls.secret = register({
            "sender_id": cls.institution.id, "subject": SECRET, "evrak_type": "resmi_yazi",
            "gizlilik": "gizli", "physical_attachments": "Soruşturma raporu, 40 sayfa",
            "scan_ids": [(0, 0, {"name": "gizli.pdf", "datas": PDF})]})
        cls.plain = register({
            "sender_id": cls.institution.id, "subject": "Açık konu",
            "evrak_type": "resmi_yazi",
            "scan_ids": [(0, 0, {"name": "acik.pdf", "datas": PDF})]})
        cls.elsewhere = register({
            "sender_id": cls.institution.id, "subject": "Temizlik konusu",
            "evrak_type": "resmi_yazi"})
        zimmet = cls.env["hid.zimmet"].sudo(cls.clerk).create({
            "team_id": cls.fen.id,
            "line_ids": [(0, 0, {"evrak_id": cls.secret.id}), (0, 0, {"evrak_id": cls.plain.id})]})
        zimmet.action_send()
        other = cls.env["hid.zimmet"].sudo(cls.clerk).create({
            "team_id": cls.tem.id, "line_ids": [(0, 0, {"evrak_id": cls.elsewhere.id})]})
        other.action_send()

    def _attachment(self, evrak):
        """The ir.attachment holding a document's scan file."""
        return self.env["ir.attachment"].search([
            ("res_model", "=", "hid.evrak.scan"), ("res_id", "in", evrak.scan_ids.ids),
            ("res_field", "=", "datas")])

    def test_mudurluk_sees_only_what_was_handed_to_it(self):
        seen = self.env["hid.evrak"].sudo(self.fen_user).search([])
        self.assertIn(self.plain, seen)
        self.assertIn(self.secret, seen, "that a secret document exists is visible")
        self.assertNotIn(self.elsewhere, seen, "another müdürlük's documents are not")
        with self.assertRaises(AccessError):
            self.elsewhere.sudo(self.fen_user).read(["name"])

    def test_secret_subject_and_scans_for_registry_and_manager_only(self):
        user = self.secret.sudo(self.fen_user)
        self.assertEqual(user.read(["subject"])[0]["subject"], "(confidential)")
        self.assertFalse(user.scan_ids, "no scans listed")
        self.assertFalse(user.physical_attachments, "nor what the paper enclosures are")
        self.assertFalse(self.env["hid.evrak"].sudo(self.fen_user).search(
            [("subject", "ilike", "soruşturma")]), "no search oracle on the subject")
        self.assertEqual(self.plain.sudo(self.fen_user).subject, "Açık konu")
        self.assertEqual(self.secret.sudo(self.fen_manager).subject, SECRET)
        self.assertIn("40 sayfa", self.secret.sudo(self.fen_manager).physical_attachments)
        self.assertEqual(len(self.secret.sudo(self.fen_manager).scan_ids), 1)
        self.assertEqual(self.secret.sudo(self.clerk).subject, SECRET)
        self.assertEqual(self.secret.sudo(self.director).subject, SECRET)
        self.assertEqual(self.secret.sudo(self.agent).subject, "(confidential)",
                         "HİM staff follow the document, not its secret contents")

    def test_secret_scan_attachment_unreadable(self):
        attachment = self._attachment(self.secret)
        self.assertEqual(len(attachment), 1)
        for user in (self.fen_user, self.agent, self.tem_user):
            with self.assertRaises(AccessError, msg="%s reads the secret scan" % user.login):
                attachment.sudo(user).read(["datas"])
        self.assertTrue(attachment.sudo(self.fen_manager).read(["datas"])[0]["datas"])
        self.assertTrue(attachment.sudo(self.clerk).read(["datas"])[0]["datas"])
        plain = self._attachment(self.plain)
        self.assertTrue(plain.sudo(self.fen_user).read(["datas"])[0]["datas"])
        with self.assertRaises(AccessError):
            plain.sudo(self.tem_user).read(["datas"])

    def test_content_model_itself_is_guarded(self):
        contents = self.env["hid.evrak.content"].sudo(self.fen_user).search([])
        self.assertNotIn(self.secret, contents.mapped("evrak_id"))
        with self.assertRaises(AccessError):
            self.env["hid.evrak.content"].sudo(self.fen_user).create(
                {"evrak_id": self.plain.id, "subject": "x"})
