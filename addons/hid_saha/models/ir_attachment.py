# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class IrAttachment(models.Model):
    """A field report's photo says whether it shows the place before or after the work."""

    _inherit = "ir.attachment"

    hid_saha_phase = fields.Selection(
        selection=[("before", "Before"), ("after", "After")],
        string="Field Photo",
        help="Set on the photos a field staff member sends when reporting back.",
    )
