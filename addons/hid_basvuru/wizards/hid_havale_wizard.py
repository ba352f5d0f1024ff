# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HidHavaleWizard(models.TransientModel):
    """Route, return or forward applications: collects the input, the ticket decides."""

    _name = "hid.havale.wizard"
    _description = "Route / Return / Forward Applications"

    ticket_ids = fields.Many2many(
        comodel_name="helpdesk.ticket",
        string="Applications",
        required=True,
        default=lambda self: self._default_tickets(),
    )
    kind = fields.Selection(
        selection=[
            ("havale", "Route to a müdürlük"),
            ("iade", "Return to the directorate"),
            ("sevk", "Forward to another institution"),
        ],
        required=True,
        default="havale",
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlük",
        domain=[("code", "!=", False)],
    )
    institution = fields.Char()
    note = fields.Text(
        string="Note / Reason",
    )

    @api.model
    def _default_tickets(self):
        if self.env.context.get("active_model") == "helpdesk.ticket":
            return [(6, 0, self.env.context.get("active_ids") or [])]
        return []

    @api.onchange("ticket_ids")
    def _onchange_ticket_ids(self):
        """Propose the müdürlük of the category, as intake does."""
        if not self.team_id:
            self.team_id = self.ticket_ids[:1].category_id.team_id

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        if self.kind == "havale":
            self.ticket_ids.action_havale(self.team_id, self.note)
        elif self.kind == "iade":
            self.ticket_ids.action_iade(self.note)
        else:
            self.ticket_ids.action_sevk(self.institution, self.note)
        return {"type": "ir.actions.act_window_close"}
