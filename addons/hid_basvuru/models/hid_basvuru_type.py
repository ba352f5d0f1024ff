# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidBasvuruType(models.Model):
    """Kind of application (talep, şikâyet, ...): its code drives the legal rules."""

    _name = "hid.basvuru.type"
    _description = "Application Type"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
    )
    code = fields.Char(
        required=True,
        help="Stable technical code used by the rules (e.g. bilgi_edinme, ihbar).",
    )
    sequence = fields.Integer(
        default=10,
    )
    description = fields.Text()
    confidential_default = fields.Boolean(
        string="Identity Hidden by Default",
        help="Applications of this type hide the applicant's identity from the müdürlük "
             "(e.g. ihbar).",
    )
    active = fields.Boolean(
        default=True,
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of an application type must be unique."),
    ]
