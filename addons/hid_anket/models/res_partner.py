# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    """A citizen may refuse satisfaction surveys altogether (SMS İstemiyor covers SMS only:
    then the survey goes by e-mail when there is one)."""

    _inherit = "res.partner"

    hid_anket_opt_out = fields.Boolean(
        string="No Surveys",
        help="The citizen asked not to receive satisfaction surveys.",
    )
