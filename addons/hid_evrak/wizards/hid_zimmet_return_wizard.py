# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HidZimmetReturnWizard(models.TransientModel):
    """Asks the müdürlük why it returns a document (iade); the line does the rest."""

    _name = "hid.zimmet.return.wizard"
    _description = "Return a Handed-over Document"

    line_id = fields.Many2one(
        comodel_name="hid.zimmet.line",
        required=True,
        default=lambda self: self.env.context.get("active_id"),
    )
    reason = fields.Text(
        required=True,
    )

    @api.multi
    def action_confirm(self):
        """The rule lives in hid.zimmet.line.action_return."""
        self.ensure_one()
        self.line_id.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
