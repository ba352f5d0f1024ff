# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from ..models.hid_danisma_visit import G_AGENT


class HidBasvuruIntake(models.TransientModel):
    """"Yeni Başvuru" opened from a desk visit: filled from it, and the application it
    saves names the visit (helpdesk.ticket.create checks and links)."""

    _inherit = "hid.basvuru.intake"

    hid_visit_id = fields.Many2one(
        comodel_name="hid.danisma.visit",
        string="Desk Visit",
        readonly=True,
    )

    @api.model
    def default_get(self, fields_list):
        result = super().default_get(fields_list)
        result.update(self.env["hid.danisma.visit"]._hid_defaults_from_context(
            "ticket_id", fields_list))
        return result

    @api.model
    def create(self, vals):
        self._hid_check_visit_vals(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._hid_check_visit_vals(vals)
        return super().write(vals)

    def _hid_check_visit_vals(self, vals):
        """Only the desk names a visit here (its label would tell a visit's time and
        purpose to anyone who may open the screen); the save checks the visit again."""
        if vals.get("hid_visit_id") and self.env.uid != SUPERUSER_ID \
                and not self.env.user.has_group(G_AGENT):
            raise AccessError(_("You may not link a desk visit to this record."))

    def _prepare_ticket_vals(self, partner):
        vals = super()._prepare_ticket_vals(partner)
        if self.hid_visit_id:
            vals["hid_visit_id"] = self.hid_visit_id.id
        return vals
