# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests.common import TransactionCase

from odoo.addons.hid_basvuru.tests.common import untranslated_terms


class TestRoles(TransactionCase):

    def test_every_term_translated(self):
        missing = untranslated_terms(self.env, "hid_danisma")
        self.assertFalse(missing, "hid_danisma/i18n/tr.po lacks: %s" % missing)
