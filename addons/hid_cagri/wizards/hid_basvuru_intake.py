# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidBasvuruIntake(models.TransientModel):
    """Yeni Başvuru opened from a call: the application carries the call."""

    _inherit = "hid.basvuru.intake"

    hid_call_id = fields.Many2one(
        comodel_name="hid.call",
        string="Call",
        readonly=True,
    )

    def _prepare_ticket_vals(self, partner):
        vals = super()._prepare_ticket_vals(partner)
        if self.hid_call_id:
            vals["hid_call_id"] = self.hid_call_id.id
        return vals
