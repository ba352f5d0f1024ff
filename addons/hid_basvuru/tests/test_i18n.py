# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import os

from odoo.exceptions import UserError, ValidationError
from odoo.modules.module import get_module_path
from odoo.tests.common import TransactionCase

from .common import untranslated_terms


class TestI18n(TransactionCase):

    def test_every_term_translated(self):
        missing = untranslated_terms(self.env, "hid_basvuru")
        self.assertFalse(missing, "hid_basvuru/i18n/tr.po lacks: %s" % missing)

    def test_menu_in_turkish(self):
        menu = self.env.ref("hid_basvuru.menu_hid_root").with_context(lang="tr_TR")
        self.assertEqual(menu.name, "Halkla İlişkiler",
                         "tr_TR is loaded and the root menu is translated")

    def test_helpdesk_mgmt_in_turkish(self):
        """OCA ships no Turkish for helpdesk_mgmt: hid_basvuru/i18n_extra/tr.po carries it."""
        extra = os.path.join(get_module_path("hid_basvuru"), "i18n_extra", "tr.po")
        missing = untranslated_terms(self.env, "helpdesk_mgmt", extra)
        self.assertFalse(missing, "i18n_extra/tr.po lacks helpdesk_mgmt terms: %s" % missing)
        stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").with_context(lang="tr_TR")
        self.assertEqual(stage.name, "Yeni")

    def test_errors_reach_the_user_in_turkish(self):
        """Bad input gets a clear Turkish error when the user works in Turkish."""
        env = self.env(context=dict(self.env.context, lang="tr_TR"))
        with self.assertRaisesRegex(ValidationError, "Telefon: .* geçerli bir telefon"):
            env["res.partner"].create({"name": "X", "hid_citizen": True, "phone": "0532 12"})
        ticket = env["helpdesk.ticket"].create({"name": "Çukur", "description": "x",
                                                "anonymous": True})
        with self.assertRaisesRegex(UserError, "vatandaşa henüz cevap yazılmamış"):
            ticket.action_close("cozuldu")
