# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import os

from odoo import api, models, tools
from odoo.modules import get_module_resource

OVERLAY_DIR = "i18n_oca"


class IrTranslation(models.Model):
    """Turkish for OCA addons HİD installs whose own tr.po is empty or incomplete
    (password_security: every message a user sees when a password is refused).
    ``hid_basvuru/i18n_oca/<module>.<lang>.po`` is loaded over that module's terms whenever
    the module's or hid_basvuru's translations are (language install, module install or
    upgrade)."""

    _inherit = "ir.translation"

    @api.model
    def load_module_terms(self, modules, langs):
        res = super(IrTranslation, self).load_module_terms(modules, langs)
        overlay = get_module_resource("hid_basvuru", OVERLAY_DIR)
        if not overlay:
            return res
        for name in sorted(os.listdir(overlay)):
            module, _sep, rest = name.partition(".")
            lang_code = rest[:-3] if rest.endswith(".po") else None
            if not lang_code or not (module in modules or "hid_basvuru" in modules):
                continue
            for lang in langs:
                if tools.get_iso_codes(lang) not in (lang_code, lang_code.split("_")[0]):
                    continue
                if not self.env["ir.module.module"].search_count(
                        [("name", "=", module), ("state", "in", ("installed", "to install",
                                                                 "to upgrade"))]):
                    continue
                tools.trans_load(self._cr, os.path.join(overlay, name), lang, verbose=False,
                                 module_name=module,
                                 context=dict(self._context, overwrite=True))
        return res
