# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicketCategory(models.Model):
    """A subject (çöp, asfalt, ...): proposes the müdürlük that answers it."""

    _inherit = "helpdesk.ticket.category"
    _order = "name"

    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Default Müdürlük",
        help="The müdürlük an application of this category is routed to by default.",
    )
    description = fields.Text()
    target_hours = fields.Integer(
        string="Internal Target (hours)",
        help="The directorate's own answer target for this subject, e.g. 24 for "
             "\"çöp toplanmadı\". Empty: no internal target.",
    )
    open311_attribute_ids = fields.One2many(
        comodel_name="hid.open311.attribute",
        inverse_name="category_id",
        string="Open311 Attributes",
        help="Extra questions an Open311 client asks when filing an application of this "
             "category.",
    )

    @api.multi
    def write(self, vals):
        """A new target moves the internal deadlines of the open cases only: closed ones keep
        theirs (frozen at closure), and are not even queued for recomputation."""
        if "target_hours" not in vals:
            return super().write(vals)
        Ticket = self.env["helpdesk.ticket"]
        closed = Ticket.sudo().with_context(active_test=False).search(
            [("category_id", "in", self.ids), ("closed", "=", True)])
        with self.env.norecompute():
            res = super().write(vals)
            self.env.remove_todo(Ticket._fields["internal_deadline"], closed)
        self.recompute()
        return res
