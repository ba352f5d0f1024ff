# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidDanismaPurpose(models.Model):
    """Why a visitor came to the desk (bilgi, başvuru, evrak teslimi, ...): master data."""

    _name = "hid.danisma.purpose"
    _description = "Visit Purpose"
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
    registry = fields.Boolean(
        string="For the Document Registry",
        help="Visits with this purpose are shown to the document registry (evrak kayıt), "
             "which registers what the visitor brings.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a visit purpose must be unique."),
    ]
