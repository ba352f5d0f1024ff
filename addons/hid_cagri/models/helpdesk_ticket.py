# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

G_AGENT = "hid_basvuru.group_hid_agent"


class HelpdeskTicket(models.Model):
    """An application shows its calls, and one opened from a call carries it. Müdürlükler
    see no calls: the fields are for the directorate (call centre and up)."""

    _inherit = "helpdesk.ticket"

    hid_call_id = fields.Many2one(
        comodel_name="hid.call",
        string="Opened from Call",
        readonly=True,
        index=True,
        ondelete="set null",
        groups=G_AGENT,
    )
    hid_call_ids = fields.Many2many(
        comodel_name="hid.call",
        relation="hid_call_helpdesk_ticket_rel",
        column1="ticket_id",
        column2="call_id",
        string="Calls",
        readonly=True,
        groups=G_AGENT,
    )
    hid_call_count = fields.Integer(
        string="Call Count",
        compute="_compute_hid_call_count",
        groups=G_AGENT,
    )

    @api.depends("hid_call_ids")
    def _compute_hid_call_count(self):
        """One read_group on the relation, as the user (own calls for an agent)."""
        counts = {}
        if self.ids:
            Call = self.env["hid.call"]
            query = Call._where_calc([])
            Call._apply_ir_rules(query, "read")
            from_clause, where_clause, params = query.get_sql()
            self.env.cr.execute(
                'SELECT r.ticket_id, count(*) FROM hid_call_helpdesk_ticket_rel r '
                'WHERE r.ticket_id IN %%s AND r.call_id IN (SELECT "hid_call".id FROM %s '
                'WHERE %s) GROUP BY r.ticket_id' % (from_clause, where_clause or "TRUE"),
                [tuple(self.ids)] + list(params))
            counts = dict(self.env.cr.fetchall())
        for ticket in self:
            ticket.hid_call_count = counts.get(ticket.id, 0)

    @api.model
    def create(self, vals):
        """The call an application is opened from: one the user may read, nothing else."""
        call = self.env["hid.call"].browse(vals.get("hid_call_id") or [])
        if call:
            call._check_user_may_link()
        ticket = super().create(vals)
        if call:
            call._hid_link_opened_ticket(ticket)
        return ticket

    def action_hid_calls(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.number,
            "res_model": "hid.call",
            "view_mode": "tree,form",
            "domain": [("ticket_ids", "in", self.ids)],
        }
