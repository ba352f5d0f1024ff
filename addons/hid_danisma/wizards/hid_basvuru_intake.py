# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


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

    def _prepare_ticket_vals(self, partner):
        vals = super()._prepare_ticket_vals(partner)
        if self.hid_visit_id:
            vals["hid_visit_id"] = self.hid_visit_id.id
        return vals
