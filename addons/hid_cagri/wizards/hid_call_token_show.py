# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HidCallTokenShow(models.TransientModel):
    """Shows a new webhook address once; it is not stored (only its hash is)."""

    _name = "hid.call.token.show"
    _description = "New Webhook Address"

    provider_id = fields.Many2one(
        comodel_name="hid.call.provider",
        readonly=True,
    )
    url = fields.Char(
        string="Webhook URL",
        readonly=True,
    )

    @api.model
    def create(self, vals):
        """Nothing of the address is stored: the record only carries the provider."""
        vals = dict(vals)
        vals.pop("url", None)
        return super().create(vals)
