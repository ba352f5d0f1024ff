# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    """The application shows the registered documents it came from."""

    _inherit = "helpdesk.ticket"

    evrak_ids = fields.One2many(
        comodel_name="hid.evrak",
        inverse_name="ticket_id",
        string="Registered Documents",
        readonly=True,
    )
