# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    """Stages of an application; the code lets the rules find them whatever their name."""

    _inherit = "helpdesk.ticket.stage"

    code = fields.Char(
        index=True,
        help="Stable technical code used by the rules: new, routed, in_progress, answered, "
             "closed.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a stage must be unique."),
    ]
