# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidExtendWizard(models.TransientModel):
    """4982: extend the answer period once, with the reason the applicant is told."""

    _name = "hid.extend.wizard"
    _description = "Extend a 4982 Deadline"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        required=True,
        default=lambda self: self.env.context.get("active_id"),
    )
    reason = fields.Text(
        required=True,
        help="Sent to the applicant: why the information needs more time (Law 4982, art. 11).",
    )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_extend(self.reason)
        return {"type": "ir.actions.act_window_close"}
