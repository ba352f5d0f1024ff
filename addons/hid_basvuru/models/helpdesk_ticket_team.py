# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    """A müdürlük (directorate) is a helpdesk team: it receives and answers applications."""

    _inherit = "helpdesk.ticket.team"
    _order = "name"

    code = fields.Char(
        index=True,
        help="Short code of the müdürlük (e.g. FEN, TEM), used in reports and numbering.",
    )
    manager_id = fields.Many2one(
        comodel_name="res.users",
        string="Manager",
        help="Müdür: receives escalations of overdue applications.",
    )
    email = fields.Char()

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a müdürlük must be unique."),
    ]
