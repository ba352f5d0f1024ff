# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidDanismaAssistance(models.Model):
    """Help the desk gives a visitor (engelli, yaşlı, çocuklu, yabancı dil, ...)."""

    _name = "hid.danisma.assistance"
    _description = "Visitor Assistance Type"
    _order = "sequence, name"

    name = fields.Char(
        required=True,
    )
    code = fields.Char(
        required=True,
    )
    sequence = fields.Integer(
        default=10,
    )
    active = fields.Boolean(
        default=True,
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of an assistance type must be unique."),
    ]
