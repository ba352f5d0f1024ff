# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidReopenWizard(models.TransientModel):
    """The citizen contests the result: reopen with the reason."""

    _name = "hid.reopen.wizard"
    _description = "Reopen an Application"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        required=True,
        default=lambda self: self.env.context.get("active_id"),
    )
    reason = fields.Text(
        required=True,
    )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
