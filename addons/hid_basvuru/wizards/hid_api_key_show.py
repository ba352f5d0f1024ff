# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidApiKeyShow(models.TransientModel):
    """Shows a newly generated API key once, in a dialog that is never saved."""

    _name = "hid.api.key.show"
    _description = "New Open311 API Key"

    api_key_id = fields.Many2one(
        comodel_name="hid.api.key",
        string="API Key",
        readonly=True,
        ondelete="cascade",
    )
    key = fields.Char(
        readonly=True,
        help="Copy it now: it is not stored and cannot be shown again.",
    )
