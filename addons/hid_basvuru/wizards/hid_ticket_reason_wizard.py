# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidTicketReasonWizard(models.AbstractModel):
    """An action on one application that needs only a reason (reopen, 4982 extension)."""

    _name = "hid.ticket.reason.wizard"
    _description = "Application Action with a Reason"
    _ticket_action = None  # name of the helpdesk.ticket method called with the reason

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
        getattr(self.ticket_id, self._ticket_action)(self.reason)
        return {"type": "ir.actions.act_window_close"}
