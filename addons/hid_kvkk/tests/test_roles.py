# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The KVKK role in the chain, the ACL matrix of every hid_kvkk model, the translations."""
import os

from odoo.modules.module import get_module_path
from odoo.tests.common import TransactionCase

from odoo.addons.hid_basvuru.tests.common import new_user, untranslated_terms

G = "hid_basvuru.group_hid_%s"
OPS = ("read", "write", "create", "unlink")
# model -> role -> the operations allowed
MATRIX = {
    "hid.kvkk.retention.rule": {"director": OPS, "officer": OPS, "staff": ("read",)},
    "hid.kvkk.destruction": {"director": ("read",), "officer": ("read",)},
    "hid.kvkk.access.log": {"director": ("read",), "officer": ("read",)},
    "hid.kvkk.request": {"director": ("read", "write", "create"),
                         "officer": ("read", "write", "create"),
                         "staff": ("read", "write", "create")},
    "hid.kvkk.right": {"director": ("read", "write", "create"),
                       "officer": ("read", "write", "create"), "staff": ("read",)},
    "privacy.activity": {"director": OPS, "officer": OPS, "staff": ("read",)},
}


class TestRoles(TransactionCase):

    def setUp(self):
        super().setUp()
        self.users = {
            "director": new_user(self.env, "t.kvkk.dir", [G % "director"]),
            "officer": new_user(self.env, "t.kvkk.off", ["hid_kvkk.group_hid_kvkk_officer"]),
            "staff": new_user(self.env, "t.kvkk.staff", [G % "staff"]),
            "agent": new_user(self.env, "t.kvkk.agent", [G % "agent"]),
            "manager": new_user(self.env, "t.kvkk.man", [G % "mudurluk_manager"]),
            "user": new_user(self.env, "t.kvkk.user", [G % "mudurluk_user"]),
            "evrak": new_user(self.env, "t.kvkk.evrak", ["hid_evrak.group_hid_evrak_user"]),
        }

    def test_role_in_the_chain(self):
        group = self.env.ref("hid_kvkk.group_hid_kvkk_officer")
        self.assertEqual(group.category_id, self.env.ref("hid_basvuru.module_category_hid"))
        self.assertTrue(self.users["director"].has_group("hid_kvkk.group_hid_kvkk_officer"))
        self.assertTrue(self.users["officer"].has_group(G % "staff"))
        self.assertFalse(self.users["staff"].has_group("hid_kvkk.group_hid_kvkk_officer"))

    def test_acl_matrix(self):
        for model, allowed in MATRIX.items():
            for role, user in self.users.items():
                for op in OPS:
                    may = op in allowed.get(role, ())
                    got = self.env[model].sudo(user).check_access_rights(
                        op, raise_exception=False)
                    self.assertEqual(got, may, "%s %s %s" % (role, op, model))

    def test_privacy_in_turkish(self):
        """OCA ships no Turkish for privacy: hid_kvkk/i18n_extra/tr.po carries it."""
        extra = os.path.join(get_module_path("hid_kvkk"), "i18n_extra", "tr.po")
        missing = untranslated_terms(self.env, "privacy", po_path=extra)
        self.assertFalse(missing, "i18n_extra/tr.po lacks privacy terms: %s" % missing)
        menu = self.env.ref("privacy.parent_menu_data_protection")
        self.assertEqual(menu.groups_id, self.env.ref("base.group_system"))

    def test_every_term_translated(self):
        missing = untranslated_terms(self.env, "hid_kvkk")
        self.assertFalse(missing, "hid_kvkk/i18n/tr.po lacks: %s" % missing)
