# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests.common import TransactionCase

from odoo.addons.hid_basvuru.tests.common import new_user, untranslated_terms


class TestRoles(TransactionCase):

    def test_role_in_the_chain(self):
        group = self.env.ref("hid_cagri.group_hid_cagri_supervisor")
        self.assertEqual(group.category_id, self.env.ref("hid_basvuru.module_category_hid"),
                         "the role is listed under Halkla İlişkiler")
        user = new_user(self.env, "t.hid_cagri", ["hid_cagri.group_hid_cagri_supervisor"])
        self.assertTrue(user.has_group("hid_basvuru.group_hid_agent"))
        director = new_user(self.env, "t.hid_cagri.director", ["hid_basvuru.group_hid_director"])
        self.assertTrue(director.has_group("hid_cagri.group_hid_cagri_supervisor"),
                        "the HİM director holds every role")

    def test_every_term_translated(self):
        missing = untranslated_terms(self.env, "hid_cagri")
        self.assertFalse(missing, "hid_cagri/i18n/tr.po lacks: %s" % missing)
