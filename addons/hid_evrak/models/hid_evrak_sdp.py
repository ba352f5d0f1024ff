# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HidEvrakSdp(models.Model):
    """A code of the Standart Dosya Planı, the state's filing plan, kept by HİM."""

    _name = "hid.evrak.sdp"
    _description = "Standard File Plan Code"
    _order = "code"

    code = fields.Char(
        required=True,
        index=True,
    )
    name = fields.Char(
        required=True,
        translate=False,
    )
    active = fields.Boolean(
        default=True,
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of the file plan must be unique."),
    ]

    @api.multi
    def name_get(self):
        """The code first, as on the paper."""
        return [(sdp.id, "%s %s" % (sdp.code, sdp.name)) for sdp in self]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Find a code by its number or its words."""
        domain = ["|", ("code", "=like", (name or "") + "%"), ("name", operator, name)]
        return self.search(domain + (args or []), limit=limit).name_get()
