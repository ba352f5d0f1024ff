# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


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
