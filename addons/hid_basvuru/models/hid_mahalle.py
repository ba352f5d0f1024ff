# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidMahalle(models.Model):
    """A neighbourhood (mahalle) of the district: where applications come from."""

    _name = "hid.mahalle"
    _description = "Neighbourhood (Mahalle)"
    _order = "name"

    name = fields.Char(
        required=True,
        index=True,
    )
    ilce = fields.Char(
        string="District",
        required=True,
        default="Sancaktepe",
    )
    muhtar_name = fields.Char(
        string="Muhtar",
    )
    muhtar_phone = fields.Char()
    active = fields.Boolean(
        default=True,
    )

    _sql_constraints = [
        ("name_ilce_uniq", "unique(name, ilce)",
         "This neighbourhood already exists in this district."),
    ]
