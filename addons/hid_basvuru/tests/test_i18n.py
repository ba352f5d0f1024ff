# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
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
