# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    """How an application arrived (telefon, web, CİMER, ...): its code drives the rules."""

    _inherit = "helpdesk.ticket.channel"
    _order = "sequence, id"

    code = fields.Char(
        index=True,
        help="Stable technical code used by the rules (e.g. cimer, acik_kapi).",
    )
    sequence = fields.Integer(
        default=10,
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a channel must be unique."),
    ]
