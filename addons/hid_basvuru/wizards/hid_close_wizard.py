# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.helpdesk_ticket import CLOSURE_STATES


class HidCloseWizard(models.TransientModel):
    """Close applications with an honest closure state and the answer to the citizen."""

    _name = "hid.close.wizard"
    _description = "Close Applications"

    ticket_ids = fields.Many2many(
        comodel_name="helpdesk.ticket",
        string="Applications",
        required=True,
        default=lambda self: self._default_tickets(),
    )
    closure_state = fields.Selection(
        selection=[s for s in CLOSURE_STATES if s[0] != "sevk_edildi"],
        string="Closure",
        required=True,
    )
    answer = fields.Text(
        string="Answer to the Citizen",
        default=lambda self: self._default_answer(),
    )
    original_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Original Application",
    )
    note = fields.Text(
        string="Internal Note",
    )

    @api.model
    def _default_tickets(self):
        if self.env.context.get("active_model") == "helpdesk.ticket":
            return [(6, 0, self.env.context.get("active_ids") or [])]
        return []

    @api.model
    def _default_answer(self):
        ids = self.env.context.get("active_ids") or []
        if self.env.context.get("active_model") == "helpdesk.ticket" and len(ids) == 1:
            return self.env["helpdesk.ticket"].browse(ids).answer
        return False

    @api.multi
    def action_confirm(self):
        """The applications decide (and check) everything; the wizard only collects."""
        self.ensure_one()
        tickets = self.ticket_ids
        if self.closure_state == "mukerrer":
            tickets.action_mark_duplicate(self.original_id)
        else:
            tickets.action_close(self.closure_state, self.note, answer=self.answer)
        return {"type": "ir.actions.act_window_close"}
