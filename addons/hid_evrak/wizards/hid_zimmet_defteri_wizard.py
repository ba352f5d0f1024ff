# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HidZimmetDefteriWizard(models.TransientModel):
    """Chooses the müdürlük and the days of the printed hand-over register."""

    _name = "hid.zimmet.defteri.wizard"
    _description = "Hand-over Register"

    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlük",
        required=True,
    )
    date_from = fields.Date(
        required=True,
        default=fields.Date.context_today,
    )
    date_to = fields.Date(
        required=True,
        default=fields.Date.context_today,
    )

    @api.multi
    def action_print(self):
        """The register is rendered from the lines the user may read."""
        self.ensure_one()
        if self.date_to < self.date_from:
            raise ValidationError(_("The register ends before it starts."))
        data = {"team_id": self.team_id.id, "date_from": self.date_from,
                "date_to": self.date_to}
        return self.env.ref("hid_evrak.report_hid_zimmet_defteri").report_action(
            self, data=data)
