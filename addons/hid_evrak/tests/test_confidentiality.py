# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError

from odoo.addons.hid_basvuru.tests.common import new_user

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

    def test_base_hid_user_reads_no_document_subject_or_scan(self):
        """The role every HİD user holds grants nothing on its own (allow-list)."""
        base = new_user(self.env, "t.hid.user", ["hid_basvuru.group_hid_user"])
        for model in ("hid.evrak", "hid.evrak.content", "hid.evrak.scan", "hid.zimmet",
                      "hid.zimmet.line"):
            self.assertFalse(self.env[model].sudo(base).search([]), model)
            self.assertEqual(self.env[model].sudo(base).search_count([]), 0, model)
        content = self.env["hid.evrak.content"].search([("evrak_id", "=", self.secret.id)])
        with self.assertRaises(AccessError):
            content.sudo(base).read(["subject"])
        with self.assertRaises(AccessError):
            self.secret.scan_ids.sudo(base).read(["name"])
        with self.assertRaises(AccessError):
            self._attachment(self.secret).sudo(base).read(["datas"])
        with self.assertRaises(AccessError):
            self.secret.sudo(base).read(["subject"])

    def _chatter_file(self, evrak, user=None):
        """A file attached to a message in the document's chatter (res_model hid.evrak)."""
        message = evrak.sudo(user or self.clerk).message_post(
            body="Ek", attachments=[("ek-%s.pdf" % evrak.id, base64.b64decode(PDF))])
        self.assertEqual(message.attachment_ids.mapped("res_model"), ["hid.evrak"])
        return message.attachment_ids

    def test_secret_document_chatter_file_follows_its_content(self):
        secret_file = self._chatter_file(self.secret)
        plain_file = self._chatter_file(self.plain)
        Attachment = self.env["ir.attachment"]
        for user in (self.fen_user, self.agent):
            self.assertTrue(self.secret.sudo(user).read(["name"]), "the document is theirs")
            with self.assertRaises(AccessError, msg="%s downloads it" % user.login):
                secret_file.sudo(user).read(["datas"])
            with self.assertRaises(AccessError):
                secret_file.sudo(user).write({"name": "x.pdf"})
            with self.assertRaises(AccessError):
                secret_file.sudo(user).unlink()
            found = Attachment.sudo(user).search([("res_model", "=", "hid.evrak")])
            self.assertNotIn(secret_file, found)
            self.assertIn(plain_file, found)
            groups = Attachment.sudo(user).read_group(
                [("res_model", "=", "hid.evrak")], ["name"], ["name"])
            self.assertNotIn(secret_file.name, [g["name"] for g in groups])
            self.assertTrue(plain_file.sudo(user).read(["datas"])[0]["datas"])
        message = self.env["mail.message"].search([("attachment_ids", "in", secret_file.ids)])
        self.assertEqual(len(message), 1)
        for user in (self.fen_user, self.agent):
            formatted = message.sudo(user).message_format()[0]
            self.assertEqual(formatted["attachment_ids"], [], "the chatter does not list it")
        self.assertTrue(message.sudo(self.fen_manager).message_format()[0]["attachment_ids"])
        with self.assertRaises(AccessError, msg="nor attached to it by one who may not"):
            Attachment.sudo(self.agent).create({
                "name": "y.pdf", "datas": PDF, "res_model": "hid.evrak",
                "res_id": self.secret.id})
        for user in (self.fen_manager, self.clerk, self.director):
            self.assertTrue(secret_file.sudo(user).read(["datas"])[0]["datas"], user.login)
            self.assertIn(secret_file, Attachment.sudo(user).search(
                [("res_model", "=", "hid.evrak")]))


class TestConfidentialSender(HidEvrakCase):
    """The petition of a confidential application does not name its sender outside the
    directorate and the registry, at any door; the müdürlük still has the document."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register = cls.env["hid.evrak"].sudo(cls.clerk).create
        cls.ihbar = register({
            "sender_id": cls.citizen.id, "subject": "Kaçak yapı ihbarı",
            "evrak_type": "dilekce", "kvkk_notice_given": True})
        cls.ihbar.ticket_id.sudo(cls.staff).write({"confidential": True})
        cls.letter = register({
            "sender_id": cls.institution.id, "subject": "Valilik yazısı",
            "evrak_type": "resmi_yazi"})
        zimmet = cls.env["hid.zimmet"].sudo(cls.clerk).create({
            "team_id": cls.fen.id,
            "line_ids": [(0, 0, {"evrak_id": cls.ihbar.id}), (0, 0, {"evrak_id": cls.letter.id})]})
        zimmet.action_send()

    def test_mudurluk_does_not_read_a_confidential_sender(self):
        self.assertTrue(self.ihbar.sender_hidden)
        for user in (self.fen_user, self.fen_manager):
            Evrak = self.env["hid.evrak"].sudo(user)
            mine = Evrak.search([])
            self.assertIn(self.ihbar, mine, "the müdürlük has the document")
            with self.assertRaises(AccessError):
                self.ihbar.sudo(user).read(["sender_id"])
            row = self.ihbar.sudo(user).read()[0]
            self.assertNotIn("sender_id", row, "a full read leaves it out")
            self.assertNotIn(self.citizen.name, str(row))
            self.assertEqual(row["sender_display"], "Confidential: identity hidden")
            with self.assertRaises(AccessError, msg="no search oracle"):
                Evrak.search([("sender_id", "=", self.citizen.id)])
            with self.assertRaises(AccessError):
                Evrak.search([("sender_id.name", "ilike", "Fatma")])
            with self.assertRaises(AccessError, msg="no order oracle"):
                Evrak.search([], order="sender_id")
            with self.assertRaises(AccessError, msg="no group-by oracle"):
                Evrak.read_group([], ["sender_id"], ["sender_id"])
            self.assertEqual(self.letter.sudo(user).sender_display, self.institution.name,
                             "an institution's letter names its sender")

    def test_directorate_and_registry_read_the_sender(self):
        for user in (self.agent, self.staff, self.director, self.clerk):
            self.assertEqual(self.ihbar.sudo(user).sender_id, self.citizen, user.login)
            self.assertEqual(self.ihbar.sudo(user).sender_display, self.citizen.display_name)
            self.assertIn(self.ihbar, self.env["hid.evrak"].sudo(user).search(
                [("sender_id", "=", self.citizen.id)]))

    def test_sender_hidden_follows_the_application(self):
        plain = self.register(sender_id=self.citizen.id, evrak_type="dilekce",
                              kvkk_notice_given=True)
        self.assertFalse(plain.sender_hidden)
        plain.ticket_id.sudo(self.staff).write({"confidential": True})
        self.assertTrue(plain.sender_hidden, "marked confidential later: hidden from then on")

    def test_mudurluk_views_load_without_the_sender(self):
        """What the web client does: load each view, read every field it shows."""
        for user in (self.fen_user, self.clerk):
            Evrak = self.env["hid.evrak"].sudo(user)
            for kind in ("form", "tree", "search"):
                fields = Evrak.fields_view_get(view_type=kind)["fields"]
                if user == self.fen_user:
                    self.assertNotIn("sender_id", fields, kind)
                elif kind != "tree":
                    self.assertIn("sender_id", fields, kind)
                if kind != "search":
                    self.assertIn("sender_display", fields)
                    self.ihbar.sudo(user).read(list(fields))
