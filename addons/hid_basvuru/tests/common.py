# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Helpers shared by the HİD addons' tests."""
import io
import os

from babel.messages import pofile

from odoo.modules.module import get_module_path
from odoo.tools.translate import trans_export


def untranslated_terms(env, module, po_path=None):
    """Terms the module exports today that its i18n/tr.po (or po_path) leaves untranslated."""
    buf = io.BytesIO()
    trans_export(False, [module], buf, "po", env.cr)
    exported = {m.id for m in pofile.read_po(io.BytesIO(buf.getvalue())) if m.id}
    path = po_path or os.path.join(get_module_path(module), "i18n", "tr.po")
    with open(path, "rb") as f:
        translated = {m.id for m in pofile.read_po(f) if m.id and m.string}
    return sorted(exported - translated)


def new_user(env, login, groups, **vals):
    """A user of our own for the test, in the given groups only (no demo data)."""
    return env["res.users"].with_context(no_reset_password=True).create(dict(
        name=login.replace(".", " ").title(),
        login=login,
        email="%s@example.com" % login,
        groups_id=[(6, 0, [env.ref(g).id for g in groups])],
        **vals
    ))
