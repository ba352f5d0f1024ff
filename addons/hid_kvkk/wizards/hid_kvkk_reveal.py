# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidKvkkReveal(models.TransientModel):
    """The number shown once, in clear, to whom asked for it (and was logged)."""

    _name = "hid.kvkk.reveal"
    _description = "KVKK: identity number shown"

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        readonly=True,
    )
    value = fields.Char(
        string="T.C. Identity No.",
        readonly=True,
    )
