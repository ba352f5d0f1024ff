# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    """A citizen may refuse SMS; the milestones then only leave a note on the application."""

    _inherit = "res.partner"

    sms_opt_out = fields.Boolean(
        string="No SMS",
        help="The citizen asked not to receive SMS about their applications.",
    )
